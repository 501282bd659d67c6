/**
 * The demo page in real Chromium, driven as a user would: check the bundled sample, see the
 * findings, jump (by click and by keyboard), move with Next, ignore one, clear the marks and
 * insert the template, watching the in-memory document change at each step; axe-core finds no
 * accessibility violation at any of them, light and dark.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { expectAccessible } from "../support/axe";
import {
  BUILD_TIMEOUT_MS,
  buildPane,
  chromiumAvailable,
  launchChromium,
  pageErrors,
  settled,
} from "../support/browser";

const ROOT = resolve(__dirname, "../..");
const available = chromiumAvailable("the demo end-to-end test");

const markedCells = (page: Page) =>
  page.locator('td[data-shading="#FFC7CE"], td[data-shading="#FFEB9C"]').count();

const selection = (page: Page) =>
  page.evaluate(() => {
    const doc = (
      window as unknown as { nianbaoDemo: { selection: unknown; anchorOf(t: unknown): unknown } }
    ).nianbaoDemo;
    return doc.selection ? doc.anchorOf(doc.selection) : null;
  });

(available ? describe : describe.skip)("the demo in Chromium", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-demo-"));

  beforeAll(() => {
    buildPane(out, "demo");
  }, BUILD_TIMEOUT_MS);

  it("checks, marks, jumps, ignores, clears and inserts the template", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = pageErrors(page);
      page.on("request", (request) => {
        if (!request.url().startsWith("file:") && !request.url().startsWith("data:"))
          errors.push(`request to ${request.url()}`);
      });
      await page.goto(pathToFileURL(join(out, "index.html")).href);
      await page.getByRole("button", { name: "检查文档" }).waitFor();
      await expectAccessible(page, "demo, start");
      await page.getByRole("button", { name: "检查文档" }).click();

      const table4 = page.locator('button[data-finding="table4-total"]');
      await table4.waitFor();
      expect(await table4.textContent()).toContain(
        "行政复议：结果维持 44 + 结果纠正 9 + 其他结果 5 + 尚未审结 5 = 63，但总计为 62，相差 1",
      );
      expect(await page.textContent("main")).toContain(
        "瑞安市人民政府 · 2021 年度报告 · 适用 2021 年新格式 · 错误 1 · 警告 2 · 提示 1",
      );
      expect(await markedCells(page)).toBeGreaterThan(0);
      await expectAccessible(page, "demo, checked");

      await table4.click();
      const jumped = await selection(page);
      expect(jumped).toMatchObject({ kind: "cell" });
      expect(await page.locator("main").textContent()).toContain("第 3 项，共 4 项");
      await expectAccessible(page, "demo, jumped");

      await page.getByRole("button", { name: "下一个" }).click();
      expect(await selection(page)).toMatchObject({ kind: "paragraph" });
      // Alt+↑ goes back to the table's finding, from anywhere in the pane.
      await page.keyboard.press("Alt+ArrowUp");
      expect(await selection(page)).toEqual(jumped);

      // Keyboard only: focus the first finding and press Enter.
      await page.locator('button[data-finding="table-structure"]').focus();
      await page.keyboard.press("Enter");
      expect(await selection(page)).toMatchObject({ kind: "cell" });

      // 忽略此处 on the heading hint: it moves to the ignored list, stored in the document.
      const titleItem = page.locator("li", {
        has: page.locator('button[data-finding="section-title"]'),
      });
      await titleItem.getByRole("button", { name: "更多操作" }).click();
      await page.getByRole("menuitem", { name: "忽略此处" }).click();
      await page.getByText("已忽略 1 项").waitFor();
      expect(await page.locator('button[data-finding="section-title"]').count()).toBe(0);
      await expectAccessible(page, "demo, ignored");

      const shots = resolve(ROOT, "test-output");
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, "demo-checked.png") });

      await page.getByRole("button", { name: "清除标记" }).click();
      await page.getByText(/已清除标记：恢复 \d+ 个单元格/).waitFor();
      expect(await markedCells(page)).toBe(0);
      await expectAccessible(page, "demo, cleared");

      const tablesBefore = await page.locator("table[data-table]").count();
      // The sample is a whole report: 插入模板 asks, and nothing is missing to offer.
      await page.getByRole("button", { name: "插入模板" }).click();
      const question = page.getByRole("alertdialog", { name: "文档中已有年度报告" });
      await question.getByText("六个部分和三张表格都已齐全。").waitFor();
      await expectAccessible(page, "demo, template question");
      expect(await page.locator("table[data-table]").count()).toBe(tablesBefore);
      await question.getByRole("button", { name: "仍插入完整模板（2021 年度）" }).click();
      await page.getByText(/已插入到该表格之后|已在光标所在段落后插入/).waitFor();
      expect(await page.locator("table[data-table]").count()).toBe(tablesBefore + 3);
      await page.screenshot({ path: join(shots, "demo-inserted.png") });
      await expectAccessible(page, "demo, inserted");

      // The dark theme: the page, the pane and every frame around them go dark.
      await page.getByRole("switch", { name: "深色主题" }).check();
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toMatch(/^rgba?\(255, 255, 255/);
      await settled(page);
      await page.screenshot({ path: join(shots, "demo-dark.png") });
      await expectAccessible(page, "demo, dark");
      // 320 px: the pane's column keeps its width and the document's narrows.
      await page.setViewportSize({ width: 320, height: 900 });
      await expectAccessible(page, "demo, dark, 320 px");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
