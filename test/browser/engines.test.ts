/**
 * Every shipped build runs on the engines it claims (scripts/engines.js): built the way a
 * deployment builds it (`npm run build:web|build:wps|build:demo -- --env url=…`), each script
 * parses with acorn at its floor's ECMAScript edition (boot.js at ES5), and every built-in the
 * floor lacks is either polyfilled from core-js or not used at all. The deployment address
 * given on the npm command line reaches the manifest and jsplugins.xml; the WPS folder is laid
 * out as wpsjs expects it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse, type ecmaVersion } from "acorn";
import { xmlElements } from "../support/xml-elements";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ENGINES } = require("../../scripts/engines") as {
  ENGINES: Record<Target, { browsers: string[]; ecmaVersion: number; chromium: number }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compat = require("core-js-compat") as (options: { targets: string; modules: string[] }) => {
  list: string[];
};

type Target = "office" | "wps" | "demo";
const ROOT = resolve(__dirname, "../..");
const WEB_URL = "https://zwgk.example.gov.cn/nianbao/";
const WPS_URL = "http://zwgk.example.gov.cn/nianbao-wps/";
const SCRIPT = { office: "build:web", wps: "build:wps", demo: "build:demo" } as const;

interface Build {
  target: Target;
  dir: string;
  modules: string[];
  log: string;
}

/** `npm run build:… -- ARGS`, exactly as the README tells an administrator to run it. */
function npmBuild(target: Target, dir: string, args: string[]): Build {
  const list = join(dir, "..", `${target}-modules.json`);
  const run = spawnSync(
    "npm",
    ["run", SCRIPT[target], "--", ...args, "--env", `moduleList=${list}`, "--output-path", dir],
    { cwd: ROOT, encoding: "utf8" },
  );
  const log = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`npm run ${SCRIPT[target]} failed:\n${log}`);
  return { target, dir, modules: JSON.parse(readFileSync(list, "utf8")) as string[], log };
}

const scripts = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".js"));

/**
 * Built-ins newer than some floor, how the bundle would call them, and the core-js modules
 * that polyfill them (none: core-js cannot, so the floor must have it or the code must not
 * use it). Instance methods are found by their property name, as babel's usage mode finds them.
 */
const BUILT_INS: {
  name: string;
  use: RegExp;
  modules: string[];
  native?: Partial<Record<string, number>>;
}[] = [
  { name: "Array.prototype.flat", use: /\.flat\(/, modules: ["es.array.flat"] },
  { name: "Array.prototype.flatMap", use: /\.flatMap\(/, modules: ["es.array.flat-map"] },
  {
    name: "Array.prototype.at",
    use: /\.at\(/,
    modules: ["es.array.at", "es.string.at-alternative"],
  },
  { name: "Array.prototype.findLast", use: /\.findLast\(/, modules: ["es.array.find-last"] },
  {
    name: "Array.prototype.findLastIndex",
    use: /\.findLastIndex\(/,
    modules: ["es.array.find-last-index"],
  },
  { name: "Array.prototype.toSorted", use: /\.toSorted\(/, modules: ["es.array.to-sorted"] },
  { name: "Object.fromEntries", use: /Object\.fromEntries\b/, modules: ["es.object.from-entries"] },
  { name: "Object.hasOwn", use: /Object\.hasOwn\b/, modules: ["es.object.has-own"] },
  {
    name: "String.prototype.replaceAll",
    use: /\.replaceAll\(/,
    modules: ["es.string.replace-all"],
  },
  { name: "String.prototype.matchAll", use: /\.matchAll\(/, modules: ["es.string.match-all"] },
  { name: "String.prototype.trimStart", use: /\.trimStart\(/, modules: ["es.string.trim-start"] },
  { name: "Promise.allSettled", use: /\.allSettled\(/, modules: ["es.promise.all-settled"] },
  { name: "Promise.any", use: /Promise\.any\(/, modules: ["es.promise.any"] },
  { name: "Promise.prototype.finally", use: /\.finally\(/, modules: ["es.promise.finally"] },
  { name: "globalThis", use: /\bglobalThis\b/, modules: ["es.global-this"] },
  { name: "queueMicrotask", use: /\bqueueMicrotask\b/, modules: ["web.queue-microtask"] },
  { name: "structuredClone", use: /\bstructuredClone\(/, modules: ["web.structured-clone"] },
  {
    name: "Array.prototype.includes",
    use: /\.includes\(/,
    modules: ["es.array.includes", "es.string.includes"],
  },
  // Not polyfillable by core-js: the floor must have them (first version with it).
  {
    name: "ResizeObserver",
    use: /\bnew ResizeObserver\b|\.ResizeObserver\(/,
    modules: [],
    native: { chrome: 64, safari: 13.1, firefox: 69 },
  },
  {
    name: "AbortController",
    use: /\bnew AbortController\b/,
    modules: [],
    native: { chrome: 66, safari: 12.1, firefox: 57 },
  },
  {
    name: "Intl.Segmenter",
    use: /Intl\.Segmenter\b/,
    modules: [],
    native: { chrome: 87, safari: 14.1, firefox: 125 },
  },
  {
    name: "Intl.ListFormat",
    use: /Intl\.ListFormat\b/,
    modules: [],
    native: { chrome: 72, safari: 14.1, firefox: 78 },
  },
  {
    name: "Intl.RelativeTimeFormat",
    use: /Intl\.RelativeTimeFormat\b/,
    modules: [],
    native: { chrome: 71, safari: 14, firefox: 65 },
  },
  {
    name: "Intl.DisplayNames",
    use: /Intl\.DisplayNames\b/,
    modules: [],
    native: { chrome: 81, safari: 14.1, firefox: 86 },
  },
];

/**
 * Whether the code uses a built-in without testing for it first: `Object.hasOwn || …`,
 * `X ? X(…) : …` and `typeof X` are feature tests (core-js's own internals are full of them).
 */
function usedUnguarded(text: string, use: RegExp): boolean {
  for (const match of text.matchAll(new RegExp(use.source, "g"))) {
    const before = text.slice(Math.max(0, match.index - 8), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 3);
    if (/typeof\s*$/.test(before) || /^\s*(\|\||\?[^.?])/.test(after)) continue;
    return true;
  }
  return false;
}

/** Whether every browser of the floor has a built-in core-js cannot provide. */
function floorHas(browsers: string[], native: Partial<Record<string, number>>): boolean {
  return browsers.every((entry) => {
    const [name = "", version = "0"] = entry.split(" ");
    const key = name === "ios_saf" ? "safari" : name === "edge" ? "chrome" : name;
    const since = native[key];
    return since !== undefined && Number(version) >= since;
  });
}

describe("the shipped builds", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-engines-"));
  const builds: Build[] = [];

  beforeAll(() => {
    builds.push(
      npmBuild("office", join(out, "web"), ["--env", `url=${WEB_URL}`, "--env", "officeJs=local"]),
      npmBuild("wps", join(out, "wps"), ["--env", `url=${WPS_URL}`]),
      npmBuild("demo", join(out, "demo"), []),
    );
  }, 900_000);

  it("parse at their floor's ECMAScript edition, and boot.js at ES5", () => {
    const failures: string[] = [];
    for (const build of builds) {
      const files = scripts(build.dir);
      expect(files.some((f) => /^(taskpane|demo)\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
      expect(files.some((f) => /^boot\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
      for (const file of files) {
        const level = (
          file.startsWith("boot.") ? 5 : ENGINES[build.target].ecmaVersion
        ) as ecmaVersion;
        try {
          parse(readFileSync(join(build.dir, file), "utf8"), { ecmaVersion: level });
        } catch (error) {
          failures.push(`${build.target}/${file} at ES${level}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("the parse check can fail: newer syntax is refused at the floor's edition", () => {
    expect(() =>
      parse("a ??= b;", { ecmaVersion: ENGINES.wps.ecmaVersion as ecmaVersion }),
    ).toThrow();
    expect(() => parse("class A { static { } }", { ecmaVersion: 2021 })).toThrow();
    expect(() => parse("let a = 1;", { ecmaVersion: 5 })).toThrow();
  });

  it("use no built-in their floor lacks unless core-js polyfills it", () => {
    const problems: string[] = [];
    for (const build of builds) {
      const browsers = ENGINES[build.target].browsers;
      const text = scripts(build.dir)
        .filter((f) => !f.startsWith("boot."))
        .map((f) => readFileSync(join(build.dir, f), "utf8"))
        .join("\n");
      const included = new Set(
        build.modules
          .map((m) => /node_modules[\\/]core-js[\\/]modules[\\/]([\w.-]+)\.js$/.exec(m)?.[1])
          .filter((m): m is string => m !== undefined),
      );
      for (const builtIn of BUILT_INS) {
        if (!usedUnguarded(text, builtIn.use)) continue;
        if (builtIn.native) {
          if (!floorHas(browsers, builtIn.native))
            problems.push(
              `${build.target}: ${builtIn.name} is used, the floor lacks it, core-js cannot add it`,
            );
          continue;
        }
        const needed = builtIn.modules.filter(
          (m) => compat({ targets: browsers.join(", "), modules: [m] }).list.length > 0,
        );
        if (needed.length > 0 && !needed.some((m) => included.has(m)))
          problems.push(
            `${build.target}: ${builtIn.name} is used, not native on ${browsers.join(", ")}, and ${needed.join(" / ")} is not in the bundle`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it("the WPS build brings the polyfills its floor needs, and the Word build fewer", () => {
    const polyfills = (build: Build) =>
      build.modules.filter((m) => /core-js[\\/]modules[\\/]/.test(m)).length;
    const [office, wps] = builds;
    expect(polyfills(wps!)).toBeGreaterThan(0);
    expect(polyfills(wps!)).toBeGreaterThanOrEqual(polyfills(office!));
  });

  it("carry the address given to npm run in every URL of the manifest", () => {
    const web = builds[0]!.dir;
    const xml = readFileSync(join(web, "manifest.xml"), "utf8");
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(urls.filter((u) => !u.startsWith(WEB_URL))).toEqual([]);
    for (const url of urls) expect(existsSync(join(web, url.slice(WEB_URL.length)))).toBe(true);
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(builds[0]!.log).toMatch(/pane total [\d.]+ KB gzipped \(budget 320 KB\)/);
  });

  it("carry the address given to npm run in jsplugins.xml, and publish.xml names the offline folder", () => {
    const wps = builds[1]!.dir;
    const plugins = xmlElements(readFileSync(join(wps, "jsplugins.xml"), "utf8"));
    const online = plugins.filter((e) => e.name === "jspluginonline");
    expect(online).toHaveLength(1);
    expect(online[0]?.attributes).toEqual({ name: "nianbao", type: "wps", url: WPS_URL });
    const xmlFiles = readdirSync(wps).filter((f) => f.endsWith(".xml"));
    for (const file of xmlFiles)
      expect(readFileSync(join(wps, file), "utf8")).not.toMatch(/localhost|127\.0\.0\.1/);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    const offline = xmlElements(readFileSync(join(wps, "publish.xml"), "utf8")).find(
      (e) => e.name === "jsplugin",
    );
    // The entry wpsjs (src/lib/build.js, CreatePublishXml) writes for an offline add-in.
    expect(offline?.attributes).toEqual({
      name: pkg.name,
      type: "wps",
      url: `${pkg.name}_${pkg.version}`,
      version: pkg.version,
      enable: "enable_dev",
      install: "null",
      customDomain: "",
    });
  });

  it("lay the WPS folder out as wpsjs does: package.json, fixed main.js, bare index.html", () => {
    const wps = builds[1]!.dir;
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    expect(JSON.parse(readFileSync(join(wps, "package.json"), "utf8"))).toEqual({
      name: pkg.name,
      version: pkg.version,
      addonType: "wps",
    });
    expect(readFileSync(join(wps, "main.js"), "utf8")).toMatch(/OnAddinLoad/);
    const index = readFileSync(join(wps, "index.html"), "utf8");
    expect([...index.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1])).toEqual([
      "main.js",
    ]);
    for (const file of [
      "ribbon.xml",
      "manifest.xml",
      "taskpane.html",
      "help.html",
      "images/icon-32.png",
    ])
      expect(existsSync(join(wps, file))).toBe(true);
    expect(scripts(wps).filter((f) => /^main\./.test(f))).toEqual(["main.js"]);
  });

  it("copy office.js from the pinned package with --env officeJs=local, and load nothing from elsewhere", () => {
    const web = builds[0]!.dir;
    const html = readFileSync(join(web, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script src="?office-js\/office\.js"?><\/script>/);
    expect(html).not.toContain("appsforoffice.microsoft.com");
    expect(html).toMatch(/script-src 'self';/);
    const local = join(ROOT, "node_modules/@microsoft/office-js/dist");
    for (const file of [
      "office.js",
      "word-win32-16.01.js",
      "word-web-16.00.js",
      "zh-cn/office_strings.js",
    ])
      expect(readFileSync(join(web, "office-js", file))).toEqual(readFileSync(join(local, file)));
    expect(existsSync(join(web, "office-js/LICENSE.md"))).toBe(true);
    expect(existsSync(join(web, "office-js/excel-win32-16.01.js"))).toBe(false);
  });
});
