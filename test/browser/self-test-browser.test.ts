/**
 * The self-test in the built Word pane in Chromium, over our fake Word served as office.js:
 * reached from the pane, it runs every probe, fills in the result table, leaves the document
 * as it was, and copies the results: to the clipboard where there is one, else into a text
 * area with everything selected.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { SELF_TEST_STRINGS as S } from "../../src/taskpane/self-test-strings";
import { buildPane, chromiumAvailable, launchChromium, pageErrors } from "../support/browser";
import { bundleForBrowser } from "../support/bundle";
import { docx, statutoryReport } from "../support/docx-builder";

const ROOT = resolve(__dirname, "../..");
const available = chromiumAvailable("the self-test browser test");

const documentState = (page: Page) =>
  page.evaluate(() => {
    const doc = (
      window as unknown as {
        __word: { document: { blocks: unknown; comments: unknown[]; parts: unknown[] } };
      }
    ).__word.document;
    return JSON.stringify([doc.blocks, doc.comments.length, doc.parts]);
  });

(available ? describe : describe.skip)("the self-test in the Word pane", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-self-test-"));
  let officeJs = "";
  let browser: Browser;

  beforeAll(async () => {
    buildPane(out);
    await bundleForBrowser(join(ROOT, "test/support/self-test-in-browser.ts"), out, "fake.js");
    const bytes = docx(statutoryReport());
    officeJs = `window.__nianbaoDocx = ${JSON.stringify(Buffer.from(bytes).toString("base64"))};\n${readFileSync(join(out, "fake.js"), "utf8")}`;
    browser = await launchChromium();
  }, 240_000);

  afterAll(() => browser?.close());

  const openSelfTest = async (clipboard: boolean) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    const errors = pageErrors(page);
    await page.addInitScript((withClipboard: boolean) => {
      const copied: string[] = [];
      (window as unknown as { __copied: string[] }).__copied = copied;
      Object.defineProperty(navigator, "clipboard", {
        configurable: true,
        value: withClipboard
          ? { writeText: (text: string) => Promise.resolve(void copied.push(text)) }
          : undefined,
      });
    }, clipboard);
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ body: officeJs, contentType: "text/javascript" }),
    );
    await page.goto(pathToFileURL(join(out, "taskpane.html")).href);
    await page.getByRole("button", { name: S.open }).click();
    await page.getByText(S.edits).waitFor();
    return { page, errors };
  };

  const run = async (page: Page) => {
    await page.getByRole("button", { name: S.run, exact: true }).click();
    await page.getByText(/检测完成：通过 \d+ 项/).waitFor({ timeout: 60_000 });
    return page
      .locator("tr[data-probe]")
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute("data-probe"), r.getAttribute("data-status")]),
      );
  };

  it("runs every probe from the pane, leaves the document as it was, and copies the results", async () => {
    const { page, errors } = await openSelfTest(true);
    const before = await documentState(page);
    const rows = await run(page);
    expect(rows).toHaveLength(10);
    expect(Object.fromEntries(rows)).toMatchObject({
      "ooxml-merged": "passed",
      "cell-addressing": "passed",
      shading: "passed",
      comment: "passed",
      "insert-template": "passed",
      "line-break": "passed",
      undo: "skipped",
    });
    expect(await documentState(page)).toBe(before);
    await expect(page.getByText(S.cleanupFailed).count()).resolves.toBe(0);

    await page.getByRole("button", { name: S.copy }).click();
    await page.getByText(S.copied).waitFor();
    const copied = await page.evaluate(
      () => (window as unknown as { __copied: string[] }).__copied,
    );
    expect(copied).toHaveLength(1);
    const lines = copied[0]?.split("\n") ?? [];
    expect(lines).toContain("| 宿主 | Word（PC） |");
    expect(lines.filter((l) => /^\| .+ \| (通过|未通过|跳过) \| /.test(l))).toHaveLength(10);

    await page.getByRole("button", { name: S.back }).click();
    await page.getByRole("button", { name: "检查文档" }).waitFor();
    expect(errors).toEqual([]);
  }, 120_000);

  it("without a clipboard, puts the results in a text area with everything selected", async () => {
    const { page, errors } = await openSelfTest(false);
    await run(page);
    await page.getByRole("button", { name: S.copy }).click();
    const area = page.getByRole("textbox", { name: S.copyLabel });
    await area.waitFor();
    const selection = await area.evaluate((el) => {
      const textarea = el as HTMLTextAreaElement;
      return {
        focused: document.activeElement === textarea,
        all: textarea.selectionStart === 0 && textarea.selectionEnd === textarea.value.length,
        text: textarea.value,
      };
    });
    expect(selection.focused).toBe(true);
    expect(selection.all).toBe(true);
    expect(selection.text).toContain("### 年报校核 环境自检");
    expect(selection.text).toContain("| 跨纵向合并的单元格寻址（getCell / Cell(r,c)） | 通过 |");
    expect(errors).toEqual([]);
  }, 120_000);
});
