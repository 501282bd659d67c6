/**
 * The built Word pane in Chromium, built as an intranet deploys it (`--env officeJs=local`:
 * office.js copied from the pinned @microsoft/office-js package) and served over http:
 * - with office.js answered by our fake of Word, the pane finds Word, checks and marks the
 *   document, jumps to a finding, and clears the marks;
 * - with Microsoft's own office.js and a Word `_host_Info` query, the page's CSP refuses
 *   nothing but office.js's telemetry frame (documented in taskpane.html);
 * - with office.js blocked inside Word, it says office.js could not be loaded and why;
 * - with an office.js whose Office.onReady never settles, it gives up after 10 s with a retry;
 * - in Internet Explorer 11 (Word 2019), boot.js says the engine cannot run the pane.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { MARK_COLORS } from "../../src/core";
import { chromiumAvailable, pageErrors } from "../support/browser";
import { serveWordPane } from "../support/word-pane-served";
import { docx, FAULTY_TABLE4, statutoryReport } from "../support/docx-builder";

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

/** What Word appends to the pane's URL: host, platform, version, locale, … */
const WORD_HOST_INFO = "_host_Info=Word$Win32$16.01$zh-CN$$$$0";
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";

/** Every CSP violation the page reports, as "directive blocked-uri". */
async function cspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
}

(available ? describe : describe.skip)("the Word pane in Chromium", () => {
  const pane = serveWordPane("nianbao-word-");

  it("finds Word, checks and marks, jumps, and clears", async () => {
    const bytes = docx(
      statutoryReport({
        table4: FAULTY_TABLE4,
      }),
    );
    const officeJs = `window.__nianbaoDocx = ${JSON.stringify(Buffer.from(bytes).toString("base64"))};\n${readFileSync(join(pane.out, "fake-office.js"), "utf8")}`;
    const page = await pane.browser.newPage({ viewport: { width: 340, height: 900 } });
    try {
      const errors = pageErrors(page);
      await page.route("**/office-js/office.js", (route) =>
        route.fulfill({ body: officeJs, contentType: "text/javascript" }),
      );
      await page.goto(`${pane.base}taskpane.html?${WORD_HOST_INFO}`);
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
      await page.close();
    }
  }, 180_000);

  it("on Word 2021 (WordApi 1.3) asks before marking, since 修订 cannot be paused, and keeps the ledger in the document", async () => {
    const bytes = docx(
      statutoryReport({
        table4: FAULTY_TABLE4,
      }),
    );
    const officeJs = `window.__nianbaoDocx = ${JSON.stringify(Buffer.from(bytes).toString("base64"))};\nwindow.__nianbaoWord = { api: "1.3" };\n${readFileSync(join(pane.out, "fake-office.js"), "utf8")}`;
    const page = await pane.browser.newPage({ viewport: { width: 340, height: 900 } });
    try {
      const errors = pageErrors(page);
      await page.route("**/office-js/office.js", (route) =>
        route.fulfill({ body: officeJs, contentType: "text/javascript" }),
      );
      await page.goto(`${pane.base}taskpane.html?${WORD_HOST_INFO}`);
      const marks = new Set(Object.values(MARK_COLORS));
      const marked = async () =>
        (await shadings(page)).filter((s) => s !== null && marks.has(s)).length;
      const question = page.getByRole("alertdialog", { name: "此版本 Word 无法暂停修订" });

      // 仅检查，不标记: findings, and not one cell shaded.
      await page.getByRole("button", { name: "检查文档" }).click();
      await question.getByRole("button", { name: "仅检查，不标记" }).click();
      await page.locator('button[data-finding="table4-total"]').waitFor();
      expect(await marked()).toBe(0);

      // 取消 does nothing; 继续 marks, and is not asked again in this session.
      await page.getByRole("button", { name: "重新检查" }).click();
      await question.getByRole("button", { name: "取消" }).click();
      expect(await question.count()).toBe(0);
      expect(await marked()).toBe(0);
      await page.getByRole("button", { name: "重新检查" }).click();
      await question.getByRole("button", { name: "继续" }).click();
      await page.getByText(/已在文档中标记 5 个单元格/).waitFor();
      expect(await marked()).toBe(5);
      await page.getByRole("button", { name: "清除标记" }).click();
      await page.getByText(/已清除标记：恢复 5 个单元格/).waitFor();
      expect(await question.count()).toBe(0);
      // The ledger went into the document through the Common API, not the session.
      const parts = await page.evaluate(
        () =>
          (window as unknown as { __word: { document: { parts: unknown[] } } }).__word.document
            .parts.length,
      );
      expect(parts).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it("runs Microsoft's office.js from the local copy under the page's CSP", async () => {
    const page = await pane.browser.newPage();
    try {
      await cspViolations(page);
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      await page.clock.install();
      await page.goto(`${pane.base}taskpane.html?${WORD_HOST_INFO}`);
      // office.js found its Word runtime in the same folder, and nothing came from elsewhere.
      await page.waitForFunction(() => typeof (window as { Word?: unknown }).Word === "object");
      expect(requests.some((url) => url.endsWith("/office-js/word-win32-16.01.js"))).toBe(true);
      expect(
        requests.filter((url) => !url.startsWith(pane.base) && !url.startsWith("data:")),
      ).toEqual([]);
      // There is no Word behind this page, so Office.onReady never settles: the time limit.
      await page.clock.fastForward(11_000);
      await page.locator("[data-host-problem]").getByText("连接 Word 超时").waitFor();
      const violations = await page.evaluate(
        () => (window as unknown as { __csp: string[] }).__csp,
      );
      // The one refusal allowed is office.js's telemetry frame (taskpane.html documents it).
      expect(violations.filter((v) => !/^frame-src /.test(v))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("inside Word with office.js blocked, says so, what the user can do, folds away what the administrator can do, and offers the file check", async () => {
    const page = await pane.browser.newPage();
    try {
      await page.route("**/office-js/office.js", (route) => route.abort("connectionrefused"));
      await page.goto(`${pane.base}taskpane.html?${WORD_HOST_INFO}`);
      const problem = page.locator("[data-host-problem]");
      await problem.getByText("无法加载 Office 运行库 office.js").waitFor();
      await expect(problem.textContent()).resolves.toMatch(/内网无法访问微软 CDN/);
      await expect(problem.textContent()).resolves.toMatch(/转告负责安装本加载项的技术人员/);
      // The build command is for whoever deployed the add-in: folded away until asked for.
      const detail = problem.getByText(/--env officeJs=local/);
      expect(await detail.isVisible()).toBe(false);
      await problem.getByText("给技术人员").click();
      await detail.waitFor();
      // The document cannot be read, but its saved file can still be checked.
      await page.getByText(/检查的是文件中已保存的内容/).waitFor();
      expect(await page.getByRole("button", { name: "选择报告文件" }).count()).toBe(1);
    } finally {
      await page.close();
    }
  }, 60_000);

  it("shows 正在连接 Word… at once, and gives up on an Office.onReady that never settles", async () => {
    const page = await pane.browser.newPage();
    try {
      let loads = 0;
      await page.route("**/office-js/office.js", (route) => {
        loads += 1;
        void route.fulfill({
          contentType: "text/javascript",
          body: "window.Office = { onReady: function () { return new Promise(function () {}); }, HostType: { Word: 'Word' } };",
        });
      });
      await page.clock.install();
      await page.goto(`${pane.base}taskpane.html?${WORD_HOST_INFO}`);
      await page.getByText("正在连接 Word…").waitFor();
      // The exact bound (10 s, not 9.999) is test/unit/hosts/detect.test.ts's, with fake timers.
      await page.clock.fastForward(11_000);
      const problem = page.locator("[data-host-problem]");
      await problem.getByText("连接 Word 超时").waitFor();
      await expect(problem.textContent()).resolves.toMatch(/10 秒内没有完成初始化/);
      await page.getByRole("button", { name: "重试" }).click();
      await page.waitForLoadState("load");
      await page.getByText("正在连接 Word…").waitFor();
      expect(loads).toBe(2);
    } finally {
      await page.close();
    }
  }, 60_000);

  it("in Internet Explorer 11 (Word 2019), boot.js explains in Chinese and loads no bundle", async () => {
    const context = await pane.browser.newContext({ userAgent: IE11 });
    const page = await context.newPage();
    try {
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      // A Word 2019 that has WordApi 1.3 but not 1.4.
      await page.route("**/office-js/office.js", (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: "window.Office = { onReady: function (cb) { cb({ host: 'Word' }); }, context: { requirements: { isSetSupported: function (n, v) { return v === '1.3'; } } } };",
        }),
      );
      await page.goto(`${pane.base}taskpane.html?${WORD_HOST_INFO}`);
      const box = page.locator("#nianbao-unsupported");
      await box.getByText("年报校核无法在此环境运行").waitFor();
      await box.getByText(/WordApi 1\.4.*：无/).waitFor();
      const text = (await box.textContent()) ?? "";
      expect(text).toMatch(/Internet Explorer 11/);
      expect(text).toMatch(/WPS 文字/);
      expect(text).toMatch(/--annotate/);
      expect(text).toMatch(/WordApi 1\.3（检查和标记所需）：有/);
      expect(requests.some((url) => /taskpane\.[0-9a-f]{8}\.js$/.test(url))).toBe(false);
    } finally {
      await context.close();
    }
  }, 60_000);
});
