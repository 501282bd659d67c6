/**
 * src/taskpane/boot.js, the pane's first script: it must itself parse as ES5 (it is what
 * Internet Explorer 11 runs), load the bundle on an engine at or above the floor, and on an
 * older one show a Chinese message instead. Run here in a VM with a minimal document; the
 * browser test (test/browser/word-pane.test.ts) runs it in Chromium with IE11's user agent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { parse } from "acorn";

const SOURCE = readFileSync(join(__dirname, "../../src/taskpane/boot.js"), "utf8");

interface FakeNode {
  appendChild?(child: FakeNode): FakeNode;
  tag: string;
  attributes: Record<string, string>;
  children: FakeNode[];
  text: string;
  src?: string;
  id?: string;
  className?: string;
}

function fakeDocument(target: string, chromium: number) {
  const node = (tag: string): FakeNode & Record<string, unknown> => {
    const self: FakeNode & Record<string, unknown> = {
      tag,
      attributes: {},
      children: [],
      text: "",
      get firstChild() {
        return self.children[0] ?? null;
      },
      appendChild(child: FakeNode) {
        self.children.push(child);
        return child;
      },
      removeChild(child: FakeNode) {
        self.children.splice(self.children.indexOf(child), 1);
      },
      setAttribute(name: string, value: string) {
        self.attributes[name] = value;
      },
      getAttribute(name: string) {
        return self.attributes[name] ?? null;
      },
    };
    return self;
  };
  const script = node("script");
  Object.assign(script.attributes, {
    "data-target": target,
    "data-chromium": String(chromium),
    "data-bundle": "taskpane.0123abcd.js",
  });
  const root = node("div");
  root.children.push(node("div")); // the skeleton
  const body = node("body");
  const document = {
    body,
    getElementById: (id: string) =>
      id === "nianbao-boot-script" ? script : id === "root" ? root : null,
    createElement: node,
    createTextNode: (text: string) => ({ ...node("#text"), text }),
  };
  return { document, body, root };
}

const textOf = (n: FakeNode): string => n.text + n.children.map(textOf).join("");

function boot(userAgent: string, target = "office", chromium = 87, extra: object = {}) {
  const { document, body, root } = fakeDocument(target, chromium);
  const window: Record<string, unknown> = {
    Promise,
    Symbol,
    Proxy,
    BigInt,
    setTimeout: () => 0,
    ...extra,
  };
  runInNewContext(SOURCE, {
    window,
    document,
    navigator: { userAgent },
    ...window,
  });
  return {
    loaded: body.children.filter((c) => c.tag === "script").map((c) => c.src),
    message: textOf(root),
  };
}

const CHROME = (v: number) =>
  `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`;

describe("boot.js", () => {
  it("is ES5, so that Internet Explorer 11 parses it", () => {
    expect(() => parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
  });

  it("loads the bundle on an engine at or above the floor", () => {
    expect(boot(CHROME(87))).toEqual({ loaded: ["taskpane.0123abcd.js"], message: "" });
    expect(boot(CHROME(69), "wps", 69).loaded).toEqual(["taskpane.0123abcd.js"]);
  });

  it("names Trident and EdgeHTML, with what to use instead", () => {
    const ie = boot("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko");
    expect(ie.loaded).toEqual([]);
    expect(ie.message).toMatch(/Internet Explorer 11/);
    expect(ie.message).toMatch(/WPS 文字/);
    expect(ie.message).toMatch(/Microsoft 365 或 Word 2021/);
    expect(ie.message).toMatch(/--annotate/);
    const edge = boot(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
    );
    expect(edge.loaded).toEqual([]);
    expect(edge.message).toMatch(/EdgeHTML/);
    expect(edge.message).toMatch(/WebView2/);
  });

  it("refuses a Chromium below the build's floor, and says to update WPS in the WPS build", () => {
    const old = boot(CHROME(63), "wps", 69);
    expect(old.loaded).toEqual([]);
    expect(old.message).toMatch(/Chromium 63/);
    expect(old.message).toMatch(/Chromium 69/);
    expect(old.message).toMatch(/升级到最新版本/);
    expect(boot(CHROME(80)).message).toMatch(/WebView2/);
  });

  it("refuses a WebKit older than Safari 14 (no BigInt), as Word for Mac would show it", () => {
    const mac =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko)";
    expect(boot(mac).loaded).toEqual(["taskpane.0123abcd.js"]);
    const old = boot(mac, "office", 87, { BigInt: undefined });
    expect(old.loaded).toEqual([]);
    expect(old.message).toMatch(/Safari/);
  });

  it("inside Word, lists the API sets the host offers", () => {
    const office = {
      onReady: (callback: (info: { host: string }) => void) => callback({ host: "Word" }),
      context: {
        requirements: { isSetSupported: (_name: string, version: string) => version === "1.3" },
      },
    };
    const result = boot(
      "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
      "office",
      87,
      { Office: office },
    );
    expect(result.message).toMatch(/WordApi 1\.3（检查和标记所需）：有/);
    expect(result.message).toMatch(/WordApi 1\.4（批注、暂停修订所需）：无/);
  });
});
