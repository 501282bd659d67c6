/**
 * The WPS add-in: its ribbon and its commands, the folder `npm run build:wps` produces, and
 * the built pane in Chromium with a fake WPS Application injected: check → mark → clear, and
 * a ribbon button reaching the pane.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { xmlElements } from "../support/xml-elements";
import { detectHost } from "../../src/hosts/detect";
import {
  COMMAND_KEY,
  PANE_KEY,
  pluginStorageCommands,
  postCommand,
} from "../../src/hosts/wps/commands";
import type { WpsApplication } from "../../src/hosts/wps/wps-api";
import { createRibbon } from "../../src/wps-addin/ribbon";
import {
  BUILD_TIMEOUT_MS,
  buildPane,
  chromiumAvailable,
  launchChromium,
  pageErrors,
} from "../support/browser";
import { bundleForBrowser } from "../support/bundle";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";
import { fakeWps } from "../support/fake-wps";

const ROOT = resolve(__dirname, "../..");
const faulty = () =>
  docx(statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }));

describe("the WPS ribbon and pane commands", () => {
  it("is detected as the host where WPS's Application is present", async () => {
    const detected = await detectHost({ Application: fakeWps(faulty()).application });
    expect(detected.kind === "host" && detected.host.name).toBe("wps");
    expect(detected.kind === "host" && detected.commands).toBeTruthy();
  });

  it("shows one task pane and passes each button's command to it", () => {
    const wps = fakeWps(faulty());
    const panes: { url: string; Visible: boolean; ID: number }[] = [];
    const app = Object.assign(Object.create(wps.application) as WpsApplication, {
      CreateTaskPane: (url: string) => {
        const pane = { url, Visible: false, ID: panes.length + 7 };
        panes.push(pane);
        return pane;
      },
      GetTaskPane: (id: string | number) => panes.find((p) => String(p.ID) === String(id)),
    });
    const ribbon = createRibbon(app, "http://127.0.0.1:3889/index.html");
    ribbon.OnAction({ Id: "nianbaoCheck" });
    expect(panes).toEqual([
      {
        url: "http://127.0.0.1:3889/taskpane.html",
        Visible: true,
        ID: 7,
        DockPosition: 2,
        Width: 360,
      },
    ]);
    expect(app.PluginStorage?.getItem(COMMAND_KEY)).toBe("check");
    expect(app.PluginStorage?.getItem(PANE_KEY)).toBe("7");
    panes[0]!.Visible = false;
    ribbon.OnAction({ Id: "nianbaoShowPane" });
    expect(panes).toHaveLength(1);
    expect(panes[0]?.Visible).toBe(true);
    expect(ribbon.GetImage()).toBe("images/icon-32.png");
  });

  it("the pane takes each command once, and ignores what it does not know", () => {
    jest.useFakeTimers();
    const app = fakeWps(faulty()).application;
    const seen: string[] = [];
    const stop = pluginStorageCommands(app, 100).watch((c) => seen.push(c));
    postCommand(app, "clear");
    jest.advanceTimersByTime(100);
    jest.advanceTimersByTime(100);
    app.PluginStorage?.setItem(COMMAND_KEY, "format-disk");
    jest.advanceTimersByTime(100);
    postCommand(app, "insert");
    stop();
    jest.advanceTimersByTime(500);
    jest.useRealTimers();
    expect(seen).toEqual(["clear"]);
  });
});

const available = chromiumAvailable("the WPS pane browser test");

describe("the WPS build", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-wps-"));
  const base = "http://zwgk.example.gov.cn/nianbao-wps/";

  beforeAll(() => buildPane(out, "wps", { url: base }), BUILD_TIMEOUT_MS);

  it("is a WPS add-in folder: ribbon, JsPlugin manifest, entry page, pane without office.js", () => {
    const ribbon = xmlElements(readFileSync(join(out, "ribbon.xml"), "utf8"));
    expect(ribbon[0]).toMatchObject({
      name: "customUI",
      attributes: { onLoad: "ribbon.OnAddinLoad" },
    });
    expect(ribbon.find((e) => e.name === "tab")?.attributes.label).toBe("年报校核");
    const buttons = ribbon.filter((e) => e.name === "button");
    expect(buttons.map((b) => b.attributes.label)).toEqual([
      "检查",
      "清除标记",
      "插入模板",
      "显示窗格",
    ]);
    expect(buttons.every((b) => b.attributes.onAction === "ribbon.OnAction")).toBe(true);

    const manifest = xmlElements(readFileSync(join(out, "manifest.xml"), "utf8"));
    expect(manifest.map((e) => e.name)).toEqual(["JsPlugin", "ApiVersion", "Name", "Description"]);
    const plugins = xmlElements(readFileSync(join(out, "jsplugins.xml"), "utf8"));
    expect(plugins[1]?.attributes).toMatchObject({ name: "nianbao", type: "wps", url: base });

    const pane = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(pane).not.toContain("office.js");
    expect(pane).toMatch(/connect-src 'none'/);
    // WPS's start-up page loads main.js by that fixed name (open.wps.cn, WPS 加载项开发说明).
    expect(readFileSync(join(out, "index.html"), "utf8")).toMatch(
      /<script src="?main\.js"?><\/script>/,
    );
    expect(readFileSync(join(out, "main.js"), "utf8")).toMatch(/OnAddinLoad/);
    expect(readFileSync(join(out, "images/icon-32.png")).length).toBeGreaterThan(0);
  });

  (available ? it : it.skip)(
    "runs in Chromium against a fake WPS: check → mark → clear, and a ribbon command",
    async () => {
      const fake = join(out, "fake-wps.js");
      await bundleForBrowser(join(ROOT, "test/support/wps-in-browser.ts"), out, "fake-wps.js");
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
        const errors = pageErrors(page);
        await page.addInitScript(
          `window.__nianbaoDocx = ${JSON.stringify(Buffer.from(faulty()).toString("base64"))};`,
        );
        await page.addInitScript({ path: fake });
        await page.goto(pathToFileURL(join(out, "taskpane.html")).href);

        const shaded = () =>
          page.evaluate(
            () =>
              (
                window as unknown as {
                  __wps: {
                    document: { tables(): { rows: { cells: { shading?: string | null }[] }[] }[] };
                  };
                }
              ).__wps.document
                .tables()
                .flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.shading ?? null)))
                .filter((s) => s !== null).length,
          );
        await page.getByRole("button", { name: "检查文档" }).click();
        await page.locator('button[data-finding="table3-row-total"]').waitFor();
        expect(await shaded()).toBeGreaterThan(0);
        const undo = await page.evaluate(
          () => (window as unknown as { __wps: { undoRecords: string[] } }).__wps.undoRecords,
        );
        expect(undo).toEqual(["年报校核：标记"]);

        await page.getByRole("button", { name: "清除标记" }).click();
        await page.getByText(/已清除标记/).waitFor();
        expect(await shaded()).toBe(0);

        // The ribbon's 检查 button, from WPS's other page, through PluginStorage.
        await page.evaluate(() =>
          (
            window as unknown as {
              Application: { PluginStorage: { setItem(k: string, v: string): void } };
            }
          ).Application.PluginStorage.setItem("nianbao.command", "check"),
        );
        await page.getByText(/已在文档中标记/).waitFor();
        expect(await shaded()).toBeGreaterThan(0);
        const shots = resolve(ROOT, "test-output");
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, "wps-pane.png") });
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    180_000,
  );

  (available ? it : it.skip)(
    "shows 正在连接 WPS… at once, and says so when WPS's Application never appears",
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.clock.install();
        await page.goto(`${pathToFileURL(join(out, "taskpane.html")).href}`);
        await page.getByText("正在连接 WPS…").waitFor();
        await page.clock.fastForward(4_000);
        const problem = page.locator("[data-host-problem]");
        await problem.getByText("未能连接 WPS").waitFor();
        await expect(problem.textContent()).resolves.toMatch(/Application/);
        await page.getByRole("button", { name: "重试" }).waitFor();
        // The file check stays available below the message.
        await page.getByRole("button", { name: "选择报告文件" }).waitFor();
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
