/**
 * The pane in Chromium over the in-memory host, on a document holding two reports (a 汇编):
 * findings listed report by report with each report's counts, then by section; jump, 上一个 /
 * 下一个 and Alt+↑ across reports; groups collapse and reopen; the severity filter; a finding
 * about several cells lists them, each selecting its cell; the ignore actions in a menu;
 * 插入模板 asks first and offers the missing part. Screenshots of the pane, light, dark and
 * 320 px wide, go to test-output/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { FORMATS } from "../../src/core";
import {
  BUILD_TIMEOUT_MS,
  chromiumAvailable,
  launchChromium,
  pageErrors,
  settled,
} from "../support/browser";
import { expectAccessible } from "../support/axe";
import { bundleForBrowser } from "../support/bundle";
import { docx, documentXml, FAULTY_TABLE4, statutoryReport } from "../support/docx-builder";
import { bodyOf } from "../support/body-of";

const ROOT = resolve(__dirname, "../..");
const SHOTS = resolve(ROOT, "test-output");
const available = chromiumAvailable("the pane's multi-report browser test");

const TOWN = "某某镇人民政府 · 2023 年度报告";
const STREET = "某某街道办事处 · 2024 年度报告";

function compilation(): Uint8Array {
  const table2Row = FORMATS["2021"].table2.blocks[0]!.rows[0]!.key;
  const town = statutoryReport({
    unit: "某某镇人民政府",
    table4: FAULTY_TABLE4,
  });
  const street = statutoryReport({
    unit: "某某街道办事处",
    year: 2024,
    omitSections: ["六"],
    table2: { [table2Row]: ["", "", 5] },
    table3: {
      new: [18, 2, 0, 0, 0, 0, 20],
      carried: [2, 0, 0, 0, 0, 0, 2],
      granted: [10, 1, 0, 0, 0, 0, 12],
      partial: [2, 0, 0, 0, 0, 0, 2],
      "unavailable.1": [3, 0, 0, 0, 0, 0, 3],
      "notProcessed.2": [1, 0, 0, 0, 0, 0, 1],
      total: [16, 1, 0, 0, 0, 0, 17],
      carryForward: [4, 1, 0, 0, 0, 0, 5],
    },
  });
  return docx(documentXml(bodyOf(town) + bodyOf(street)));
}

interface DocHandle {
  __doc: {
    selection: unknown;
    anchorOf(t: unknown): unknown;
    blocks: { kind: string }[];
  };
}

const selection = (page: Page) =>
  page.evaluate(() => {
    const doc = (window as unknown as DocHandle).__doc;
    return doc.selection ? doc.anchorOf(doc.selection) : null;
  });

const findings = (page: Page) => page.locator("button[data-finding]");

(available ? describe : describe.skip)("the pane on a 汇编 in Chromium", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-reports-"));
  let browser: Browser;

  beforeAll(async () => {
    await bundleForBrowser(join(ROOT, "test/support/pane-in-browser.tsx"), out, "pane.js");
    writeFileSync(
      join(out, "pane.html"),
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>年报校核</title></head>' +
        '<body><div id="root"></div><script src="pane.js"></script></body></html>',
    );
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(options: { dark?: boolean; width?: number } = {}): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: options.width ?? 340, height: 1100 },
    });
    const base64 = Buffer.from(compilation()).toString("base64");
    await page.addInitScript(
      ([data, dark]) => {
        const scope = window as unknown as { __nianbaoDocx: string; __nianbaoDark: boolean };
        scope.__nianbaoDocx = data;
        scope.__nianbaoDark = dark;
      },
      [base64, options.dark === true] as const,
    );
    await page.goto(pathToFileURL(join(out, "pane.html")).href);
    return page;
  }

  it("lists each report with its counts and walks through every report", async () => {
    const page = await open();
    try {
      const errors = pageErrors(page);
      await page.getByRole("button", { name: "检查文档" }).click();
      const town = page.locator(`button[data-group="${TOWN}"]`);
      const street = page.locator(`button[data-group="${STREET}"]`);
      await street.waitFor();
      expect(await town.textContent()).toContain("错误 1 · 警告 0 · 提示 0");
      expect(await street.textContent()).toContain("错误 3 · 警告 1 · 提示 0");
      expect(await page.textContent("main")).toContain("本文档含 2 份报告 · 错误 4 · 警告 1");
      await settled(page);
      await page.screenshot({ path: join(SHOTS, "pane-reports-light.png"), fullPage: true });

      // Jump into the second report: its table 三 is the document's fifth table.
      await page.locator('button[data-finding="table3-row-total"]').click();
      expect(await selection(page)).toMatchObject({ kind: "cell", tableIndex: 4 });
      expect(await page.textContent("main")).toContain("第 3 项，共 5 项");

      // 上一个 crosses back into the first report, whose table 四 is the document's third.
      await page.getByRole("button", { name: "上一个" }).click();
      await page.getByRole("button", { name: "上一个" }).click();
      expect(await selection(page)).toMatchObject({ kind: "cell", tableIndex: 2 });
      await page.getByRole("button", { name: "下一个" }).click();
      expect(await selection(page)).toMatchObject({ kind: "cell", tableIndex: 3 });

      // Collapsing the first report hides its findings; Alt+↑ walks into it and opens it.
      expect(await town.getAttribute("aria-expanded")).toBe("true");
      await town.click();
      expect(await town.getAttribute("aria-expanded")).toBe("false");
      expect(await page.locator('button[data-finding="table4-total"]').count()).toBe(0);
      expect(await findings(page).count()).toBe(4);
      await page.keyboard.press("Alt+ArrowUp");
      expect(await selection(page)).toMatchObject({ kind: "cell", tableIndex: 2 });
      await page.locator('button[data-finding="table4-total"]').waitFor();
      expect(await town.getAttribute("aria-expanded")).toBe("true");

      // A section collapses on its own.
      const section = page.locator('button[data-group="三、收到和处理政府信息公开申请情况"]');
      await section.click();
      expect(await section.textContent()).toContain("已收起 2 项");
      expect(await findings(page).count()).toBe(3);
      await section.click();
      expect(await findings(page).count()).toBe(5);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it("filters by severity, selects each cell of a finding, ignores from a menu", async () => {
    const page = await open();
    try {
      const errors = pageErrors(page);
      await page.getByRole("button", { name: "检查文档" }).click();
      await findings(page).first().waitFor();

      const warnings = page.locator('button[data-severity="warning"]');
      expect(await warnings.getAttribute("aria-pressed")).toBe("true");
      expect(await warnings.textContent()).toContain("警告 1");
      await warnings.click();
      expect(await warnings.getAttribute("aria-pressed")).toBe("false");
      expect(await page.locator('button[data-finding="cell-blank"]').count()).toBe(0);
      expect(await findings(page).count()).toBe(4);
      // 下一个 walks only what is shown.
      await page.getByRole("button", { name: "下一个" }).click();
      await page.getByRole("button", { name: "下一个" }).click();
      expect(await selection(page)).toMatchObject({ kind: "cell", tableIndex: 4 });
      await page.locator('button[data-severity="error"]').click();
      await page.getByText("没有符合所选级别的问题。").waitFor();
      await page.locator('button[data-severity="error"]').click();
      await warnings.click();

      // The blank cells of table 二 are one finding listing both; each selects its cell.
      const cells = page.locator('button[data-cell-of="cell-blank"]');
      expect(await cells.count()).toBe(2);
      await cells.nth(1).click();
      expect(await selection(page)).toEqual({
        kind: "cell",
        tableIndex: 3,
        rowIndex: 2,
        cellIndex: 2,
      });
      await cells.nth(0).click();
      expect(await selection(page)).toMatchObject({ kind: "cell", tableIndex: 3, cellIndex: 1 });

      // The ignore actions wait in a menu, reached from the keyboard too.
      expect(await page.getByRole("button", { name: "忽略此处" }).count()).toBe(0);
      const item = page.locator("li", { has: page.locator('button[data-finding="cell-blank"]') });
      await item.getByRole("button", { name: "更多操作" }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("menuitem", { name: "忽略此处" }).click();
      await page.getByText("已忽略 1 项").waitFor();
      expect(await page.locator('button[data-finding="cell-blank"]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it("asks before inserting a template into a document that holds reports, and offers the missing part", async () => {
    const page = await open();
    try {
      const errors = pageErrors(page);
      const blocks = () =>
        page.evaluate(() => (window as unknown as DocHandle).__doc.blocks.map((b) => b.kind));
      const before = await blocks();
      // No check has run: 插入模板 reads the document itself.
      await page.getByRole("button", { name: "插入模板" }).click();
      const question = page.getByRole("alertdialog", { name: "文档中已有年度报告" });
      await question.waitFor();
      expect(await page.getByRole("menuitem").count()).toBe(0);
      expect(await blocks()).toEqual(before);
      await question.getByRole("button", { name: "取消" }).click();
      expect(await question.count()).toBe(0);
      expect(await blocks()).toEqual(before);

      await page.getByRole("button", { name: "插入模板" }).click();
      await question
        .getByRole("button", { name: "某某街道办事处：插入“六、其他需要报告的事项”" })
        .click();
      await page.getByText(/已在光标所在段落后插入|已插入到该表格之后/).waitFor();
      const after = await blocks();
      // Section 六 is a heading and its placeholder: two paragraphs, no table.
      expect(after.filter((k) => k === "table")).toHaveLength(
        before.filter((k) => k === "table").length,
      );
      expect(after).toHaveLength(before.length + 2);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it("saves screenshots of the pane, dark and 320 px wide, and axe finds no violation", async () => {
    for (const [name, options] of [
      ["pane-reports-dark.png", { dark: true }],
      ["pane-reports-320.png", { width: 320 }],
    ] as const) {
      const page = await open(options);
      try {
        const errors = pageErrors(page);
        await page.getByRole("button", { name: "检查文档" }).click();
        await findings(page).first().waitFor();
        // Nothing wider than the pane: no horizontal scrolling at 320 px.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBe(0);
        if ("dark" in options) {
          // The page itself is dark: no light frame around the pane.
          const background = await page.evaluate(
            () => getComputedStyle(document.body).backgroundColor,
          );
          expect(background).not.toBe("rgb(255, 255, 255)");
          expect(background).not.toBe("rgba(0, 0, 0, 0)");
        }
        await settled(page);
        await page.screenshot({ path: join(SHOTS, name), fullPage: true });
        // A 汇编 adds report groups to the list: checked by axe too (test/browser/pane-a11y.test.ts
        // goes through every state of one report).
        await expectAccessible(page, `a 汇编, ${name}`);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }
  }, 180_000);
});
