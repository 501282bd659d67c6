/**
 * The built Word pane in Chromium, with office.js answered by our fake of Word (the page asks
 * for office.js from Microsoft's CDN; the test serves the fake in its place): the pane finds
 * Word, checks and marks the document, jumps to a finding, and clears the marks.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { MARK_COLORS } from "../src/core";
import { buildPane, chromiumAvailable, launchChromium, pageErrors } from "./support/browser";
import { bundleForBrowser } from "./support/bundle";
import { docx, statutoryReport } from "./support/docx-builder";

const ROOT = resolve(__dirname, "..");
const available = chromiumAvailable("the Word pane browser test");

const shadings = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as {
        __word: { document: { tables(): { rows: { cells: { shading?: string | null }[] }[] }[] } };
      }
    ).__word.document
      .tables()
      .flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.shading ?? null))),
  );

(available ? describe : describe.skip)("the Word pane in Chromium", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-word-"));

  beforeAll(async () => {
    buildPane(out);
    await bundleForBrowser(join(ROOT, "test/support/word-in-browser.ts"), out, "fake-office.js");
  }, 240_000);

  it("finds Word, checks and marks, jumps, and clears", async () => {
    const bytes = docx(
      statutoryReport({
        table4: {
          review: [1, 1, 0, 1, 4],
          suitDirect: [0, 0, 0, 0, 0],
          suitAfterReview: [0, 0, 0, 0, 0],
        },
      }),
    );
    const officeJs = `window.__nianbaoDocx = ${JSON.stringify(Buffer.from(bytes).toString("base64"))};\n${readFileSync(join(out, "fake-office.js"), "utf8")}`;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 340, height: 900 } });
      const errors = pageErrors(page);
      await page.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.fulfill({ body: officeJs, contentType: "text/javascript" }),
      );
      await page.goto(pathToFileURL(join(out, "taskpane.html")).href);
      const marks = new Set(Object.values(MARK_COLORS));
      const before = await shadings(page);

      await page.getByRole("button", { name: "检查文档" }).click();
      const finding = page.locator('button[data-finding="table4-total"]');
      await finding.waitFor();
      expect((await shadings(page)).filter((s) => s !== null && marks.has(s)).length).toBe(5);

      await finding.click();
      const selected = await page.evaluate(() => {
        const word = (
          window as unknown as {
            __word: { document: { selection: unknown; anchorOf(t: unknown): unknown } };
          }
        ).__word;
        return word.document.anchorOf(word.document.selection);
      });
      expect(selected).toMatchObject({ kind: "cell", tableIndex: 2 });

      await page.getByRole("button", { name: "清除标记" }).click();
      await page.getByText(/已清除标记：恢复 5 个单元格/).waitFor();
      // Word cannot remove shading: cells that had none come back white.
      expect((await shadings(page)).map((s) => (s === "#FFFFFF" ? null : s))).toEqual(before);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
