/**
 * Accessibility of the built pane, Word and WPS builds, as shipped: axe-core (test/support/axe.ts)
 * after each state a user reaches (start, checked, jumped, walked with 下一个, cleared, the
 * template question, inserted, an error message bar), light and dark (Word follows Office's
 * theme; WPS gives the pane none, so it is light), 320 px and wide. And what a screen reader
 * is told: each finding by severity word, section and message; 「检查完成：错误 N 项，警告 M 项」
 * when a check ends; 上一个 / 下一个 move focus and say 「第 N 项，共 M 项」.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { expectAccessible } from "../support/axe";
import { BUILD_TIMEOUT_MS, buildPane, chromiumAvailable, launchChromium } from "../support/browser";
import { bundleForBrowser } from "../support/bundle";
import { docx, FAULTY_TABLE4, statutoryReport } from "../support/docx-builder";
import { serveWordPane } from "../support/word-pane-served";

const ROOT = resolve(__dirname, "../..");
const available = chromiumAvailable("the pane accessibility test");
const WORD_HOST_INFO = "_host_Info=Word$Win32$16.01$zh-CN$$$$0";

const faulty = () =>
  Buffer.from(
    docx(
      statutoryReport({
        table4: FAULTY_TABLE4,
      }),
    ),
  ).toString("base64");

/** What the page holds before the pane loads: the document, and Office's theme. */
const pageData = (setup: Setup) =>
  `window.__nianbaoDocx = ${JSON.stringify(faulty())}; window.__nianbaoDark = ${setup.dark};`;

const status = (page: Page) => page.locator('[role="status"][data-announcement]');

interface Setup {
  build: "word" | "wps";
  dark: boolean;
  width: number;
}

const SETUPS: Setup[] = [
  { build: "word", dark: false, width: 320 },
  { build: "word", dark: false, width: 1024 },
  { build: "word", dark: true, width: 320 },
  { build: "word", dark: true, width: 1024 },
  { build: "wps", dark: false, width: 320 },
  { build: "wps", dark: false, width: 1024 },
];

/** Makes the host fail its next call, as a Word or WPS that refuses would. */
const breakHost = (page: Page, build: Setup["build"]) =>
  build === "word"
    ? page.evaluate(() => {
        (window as unknown as { Word: { run(): Promise<never> } }).Word.run = () =>
          Promise.reject(new Error("GeneralException"));
      })
    : page.evaluate(() =>
        Object.defineProperty(
          (window as unknown as { Application: object }).Application,
          "ActiveDocument",
          { get: () => null },
        ),
      );

/** Start → check → jump → 下一个 → clear → template question → insert → an error, with axe at each. */
async function walkThrough(page: Page, setup: Setup): Promise<void> {
  const name = `${setup.build}, ${setup.dark ? "dark" : "light"}, ${setup.width} px`;
  const at = (state: string) => `${name}, ${state}`;
  const check = page.getByRole("button", { name: "检查文档" });
  await check.waitFor();
  await expectAccessible(page, at("start"));

  await check.click();
  const finding = page.locator('button[data-finding="table4-total"]');
  await finding.waitFor();
  await expect(status(page).textContent()).resolves.toMatch(
    /^检查完成：错误 [1-9]\d* 项，警告 \d+ 项/,
  );
  // Read as severity word, section, message.
  await page
    .getByRole("button", { name: /^错误\s*，四、[^：]+：\s*行政复议：.*相差 1$/ })
    .waitFor();
  await expectAccessible(page, at("checked"));

  await finding.click();
  await page.getByText(/^第 \d+ 项，共 \d+ 项$/).waitFor();
  await expectAccessible(page, at("jumped"));

  await page.getByRole("button", { name: "下一个" }).click();
  const focused = await page.evaluate(() => ({
    finding: document.activeElement?.getAttribute("data-finding") ?? null,
    current: document.activeElement?.getAttribute("aria-current") ?? null,
  }));
  expect(focused.finding).not.toBeNull();
  expect(focused.current).toBe("true");
  await expect(status(page).textContent()).resolves.toMatch(/^第 \d+ 项，共 \d+ 项/);
  // ↑ in the list moves focus to the button before, as in a list of links.
  await page.evaluate(() => document.activeElement?.setAttribute("data-was-focused", ""));
  await page.keyboard.press("ArrowUp");
  expect(
    await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      moved: !document.activeElement?.hasAttribute("data-was-focused"),
    })),
  ).toEqual({ tag: "BUTTON", moved: true });

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByText(/已清除标记/).waitFor();
  await expectAccessible(page, at("cleared"));

  await page.getByRole("button", { name: "插入模板" }).click();
  const question = page.getByRole("alertdialog", { name: "文档中已有年度报告" });
  await question.waitFor();
  await expectAccessible(page, at("template question"));
  await question.getByRole("button", { name: /仍插入完整模板/ }).click();
  await page.getByText(/已插入到该表格之后|已在光标所在段落后插入/).waitFor();
  await expectAccessible(page, at("inserted"));

  await breakHost(page, setup.build);
  await page.getByRole("button", { name: "重新检查" }).click();
  await page.getByText("操作未完成").waitFor();
  await expectAccessible(page, at("error"));
}

const label = (setup: Setup) => `${setup.dark ? "dark" : "light"}, ${setup.width} px`;

(available ? describe : describe.skip)("the Word pane's accessibility in Chromium", () => {
  const pane = serveWordPane("nianbao-a11y-word-");

  for (const setup of SETUPS.filter((s) => s.build === "word"))
    it(`has no violation in any state and tells a screen reader what happened (${label(setup)})`, async () => {
      const page = await pane.browser.newPage({ viewport: { width: setup.width, height: 900 } });
      try {
        const officeJs = `${pageData(setup)}\n${readFileSync(join(pane.out, "fake-office.js"), "utf8")}`;
        await page.route("**/office-js/office.js", (route) =>
          route.fulfill({ body: officeJs, contentType: "text/javascript" }),
        );
        await page.goto(`${pane.base}taskpane.html?${WORD_HOST_INFO}`);
        await walkThrough(page, setup);
      } finally {
        await page.close();
      }
    }, 240_000);

  it("has no violation when office.js cannot load, with the administrator's part open or folded", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 320, height: 900 } });
    try {
      await page.route("**/office-js/office.js", (route) => route.abort("connectionrefused"));
      await page.goto(`${pane.base}taskpane.html?${WORD_HOST_INFO}`);
      const problem = page.locator("[data-host-problem]");
      await problem.getByText("无法加载 Office 运行库 office.js").waitFor();
      await expectAccessible(page, "office.js missing");
      await problem.getByText("给技术人员").click();
      await expectAccessible(page, "office.js missing, administrator's part open");
    } finally {
      await page.close();
    }
  }, 120_000);
});

(available ? describe : describe.skip)("the WPS pane's accessibility in Chromium", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-a11y-wps-"));
  let browser: Browser;

  beforeAll(async () => {
    buildPane(out, "wps");
    await bundleForBrowser(join(ROOT, "test/support/wps-in-browser.ts"), out, "fake-wps.js");
    browser = await launchChromium();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  }, 30_000);

  for (const setup of SETUPS.filter((s) => s.build === "wps"))
    it(`has no violation in any state and tells a screen reader what happened (${label(setup)})`, async () => {
      const page = await browser.newPage({ viewport: { width: setup.width, height: 900 } });
      try {
        await page.addInitScript(pageData(setup));
        await page.addInitScript({ path: join(out, "fake-wps.js") });
        await page.goto(pathToFileURL(join(out, "taskpane.html")).href);
        await walkThrough(page, setup);
      } finally {
        await page.close();
      }
    }, 240_000);
});
