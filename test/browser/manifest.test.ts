/**
 * The add-in manifest, checked offline (office-addin-manifest validate needs the internet and
 * stays a manual step): well-formed, the elements Office requires, a GUID id, Chinese display
 * text, icons that exist, and every URL on the same origin as the pane it points to.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILD_TIMEOUT_MS, buildPane } from "../support/browser";
import { parseXml } from "../../src/core/ooxml/xml";
import { DEFAULT_LIMITS } from "../../src/core/ooxml/limits";

const ROOT = join(__dirname, "../..");

function readManifest(file = join(ROOT, "manifest.xml")) {
  const values = new Map<string, string>();
  const seen = new Set<string>();
  let text = "";
  const stack: string[] = [];
  parseXml(
    readFileSync(file, "utf8"),
    {
      open(name, attributes) {
        stack.push(name);
        seen.add(name);
        if (attributes.DefaultValue !== undefined)
          values.set(stack.join("/"), attributes.DefaultValue);
        if (name === "Host" && attributes.Name) values.set("Host", attributes.Name);
        text = "";
      },
      close(name) {
        if (text.trim()) values.set(stack.join("/"), text.trim());
        stack.pop();
        void name;
      },
      text(t) {
        text += t;
      },
    },
    DEFAULT_LIMITS,
    "manifest.xml",
  );
  return { values, seen };
}

describe("manifest.xml", () => {
  const { values, seen } = readManifest();
  const get = (path: string) => values.get(`OfficeApp/${path}`);

  it("has the elements Office requires, in a task-pane add-in for Word", () => {
    for (const element of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "Hosts",
      "DefaultSettings",
      "SourceLocation",
      "Permissions",
    ]) {
      expect(seen.has(element)).toBe(true);
    }
    expect(values.get("Host")).toBe("Document");
    expect(get("Permissions")).toBe("ReadWriteDocument");
    expect(get("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(get("Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("speaks Chinese to its users", () => {
    expect(get("DefaultLocale")).toBe("zh-CN");
    expect(get("DisplayName")).toBe("年报校核");
    expect(get("Description")).toContain("本地检查，文档内容不上传");
    // Shown to users as who made the add-in ("提供者"); a ShortString of 1 to 125 characters.
    const provider = get("ProviderName") ?? "";
    expect(provider).toBe("年报校核项目组");
    expect(provider.length).toBeLessThanOrEqual(125);
  });

  it("points at icons that exist and at one origin for pane, icons and help", () => {
    const urls = [
      get("IconUrl"),
      get("HighResolutionIconUrl"),
      get("SupportUrl"),
      get("DefaultSettings/SourceLocation"),
    ].map((u) => new URL(u ?? ""));
    expect(new Set(urls.map((u) => u.origin)).size).toBe(1);
    expect(urls.every((u) => u.protocol === "https:")).toBe(true);
    for (const icon of urls.slice(0, 2)) expect(existsSync(join(ROOT, icon.pathname))).toBe(true);
    expect(urls[3]?.pathname).toBe("/taskpane.html");
  });

  it("puts a 年报校核 button on the Home tab that opens the pane", () => {
    expect(seen.has("VersionOverrides")).toBe(true);
    const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(
      /<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url" \/>/,
    );
    expect(xml).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html" />',
    );
    // Every resid names a resource that exists.
    const ids = new Set([...xml.matchAll(/ id="([^"]+)" DefaultValue=/g)].map((m) => m[1]));
    const resids = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.filter((r) => !ids.has(r))).toEqual([]);
  });

  it("states the version of the package", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(get("Version")).toBe(`${pkg.version}.0`);
  });
});

describe("the built manifest", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-manifest-"));
  const base = "https://zwgk.example.gov.cn/nianbao/";

  beforeAll(() => buildPane(out, "office", { url: base }), BUILD_TIMEOUT_MS);

  it("points every URL at the deployment address, at files the build produced", () => {
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url.startsWith(base)).toBe(true);
      expect(existsSync(join(out, url.slice(base.length)))).toBe(true);
    }
    expect(xml).not.toContain("localhost");
    readManifest(join(out, "manifest.xml")); // still well-formed after the rewrite
  });
});
