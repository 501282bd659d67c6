/**
 * The pane bundle in real Chromium: the page built by webpack loads under its own CSP, checks
 * a .docx picked from disk with the core running in the browser, and shows the findings.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expectAccessible } from "../support/axe";
import {
  BUILD_TIMEOUT_MS,
  buildPane,
  chromiumAvailable,
  launchChromium,
  pageErrors,
  settled,
} from "../support/browser";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";

const ROOT = resolve(__dirname, "../..");
const available = chromiumAvailable("the pane browser test");

(available ? describe : describe.skip)("the pane in Chromium", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-pane-"));

  beforeAll(() => {
    buildPane(out);
  }, BUILD_TIMEOUT_MS);

  it("checks a picked .docx in the browser and lists the findings", async () => {
    const report = join(out, "report.docx");
    writeFileSync(
      report,
      docx(
        statutoryReport({
          unit: "某某镇人民政府",
          table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
        }),
      ),
    );
    const damaged = join(out, "damaged.docx");
    writeFileSync(damaged, "not a word document");
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = pageErrors(page);
      // Outside Word, office.js (which Word provides the page) is absent: served empty here.
      const officeJs: string[] = [];
      await page.route("https://appsforoffice.microsoft.com/**", (route) => {
        officeJs.push(route.request().url());
        return route.fulfill({ body: "", contentType: "text/javascript" });
      });
      await page.goto(pathToFileURL(join(out, "taskpane.html")).href);
      expect(officeJs).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
      await page.getByText("在本机检查，文档内容不会上传").waitFor();
      await page.getByText("当前不在 Word 或 WPS 中").waitFor();
      // A labelled button opens the browser's file dialog; the input itself stays hidden.
      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "选择报告文件" }).click();
      await (await chooser).setFiles(report);
      await page.getByText("三、收到和处理政府信息公开申请情况").waitFor();
      const text = await page.textContent("main");
      expect(text).toContain(
        "（一）予以公开：自然人 10 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 11，但总计为 12，相差 1",
      );
      expect(text).toContain("某某镇人民政府 · 2023 年度报告 · 适用 2021 年新格式 · 错误 2");
      expect(text).toContain("已检查：report.docx");
      const shots = resolve(ROOT, "test-output");
      mkdirSync(shots, { recursive: true });
      await settled(page);
      await page.screenshot({ path: join(shots, "pane-file-check.png"), fullPage: true });

      // A file dropped on the drop area is checked the same way.
      const dropped = await page.evaluateHandle((base64) => {
        const transfer = new DataTransfer();
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], "damaged.docx"));
        return transfer;
      }, readFileSync(damaged).toString("base64"));
      await page.dispatchEvent("[data-drop-area]", "drop", { dataTransfer: dropped });
      await page.getByText("不是 Word 文档（.docx）").waitFor();
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("outside Word, in the dark theme and 320 px wide, the page is dark to its edges", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
      const errors = pageErrors(page);
      await page.emulateMedia({ colorScheme: "dark" });
      await page.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.fulfill({ body: "", contentType: "text/javascript" }),
      );
      await page.goto(pathToFileURL(join(out, "taskpane.html")).href);
      await page.getByRole("button", { name: "选择报告文件" }).waitFor();
      const colors = await page.evaluate(() => ({
        html: getComputedStyle(document.documentElement).backgroundColor,
        body: getComputedStyle(document.body).backgroundColor,
        margin: getComputedStyle(document.body).margin,
      }));
      expect(colors.margin).toBe("0px");
      expect(colors.body).toBe(colors.html);
      expect(colors.body).not.toMatch(/^rgba?\(255, 255, 255|^rgba\(0, 0, 0, 0\)/);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      const shots = resolve(ROOT, "test-output");
      mkdirSync(shots, { recursive: true });
      await settled(page);
      await page.screenshot({ path: join(shots, "pane-file-check-dark-320.png"), fullPage: true });
      await expectAccessible(page, "the file check outside Word, dark, 320 px");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
