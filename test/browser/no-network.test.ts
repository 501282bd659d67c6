/**
 * Nothing we ship reaches the network: the pane bundle contains no network API and no URL
 * other than identifiers that are never dereferenced, the page forbids connections by CSP,
 * and the command line runs with every network entry point of Node made to throw.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BUILD_TIMEOUT_MS, buildPane } from "../support/browser";
import { docx, statutoryReport } from "../support/docx-builder";

const ROOT = resolve(__dirname, "../..");
const NETWORK_APIS =
  /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|EventSource|sendBeacon|importScripts\s*\(|require\(["'](?:node:)?(?:http|https|http2|net|tls|dgram)["']\)/;

/** URLs that appear as identifiers or message text, never fetched. Each needs a reason. */
const ALLOWED_URLS: [RegExp, string][] = [
  [/^http:\/\/www\.w3\.org\//, "XML, SVG and MathML namespace names in React DOM"],
  [/^https?:\/\/json-schema\.org\//, "JSON Schema dialect ids in zod's schema export"],
  [/^https:\/\/react\.dev\/errors\/$/, "the link text of React's minified error messages"],
  [/^http:\/\/\[\$\{\w+\}\]$/, "a template zod uses to test IPv6 literals, not an address"],
  [
    /^http:\/\/schemas\.(openxmlformats\.org|microsoft\.com)\//,
    "OOXML namespace and relationship-type names",
  ],
  [/^http:\/\/purl\.org\/dc\//, "the Dublin Core namespace of docProps/core.xml"],
  [
    /^http:\/\/purl\.oclc\.org\/ooxml\//,
    "Strict-conformance OOXML namespace names the reader matches",
  ],
  [
    /^https:\/\/github\.com\/zloirock\/core-js(\/blob\/v[\d.]+\/LICENSE)?$/,
    "core-js's copyright notice, kept as text in its shared store",
  ],
  [
    /^https:\/\/(a|x|тест)([/@#?].*)?$/,
    "inputs core-js's URL polyfill gives the native URL parser to test its conformance",
  ],
  [
    /^https:\/\/appsforoffice\.microsoft\.com(\/lib\/1\/hosted\/office\.js|;)$/,
    "the Office runtime Word requires of every add-in: taskpane.html's script tag and CSP only",
  ],
];

function scan(files: string[]): { apis: string[]; urls: string[] } {
  const apis: string[] = [];
  const urls: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const api = NETWORK_APIS.exec(text);
    if (api) apis.push(`${file}: ${api[0]}`);
    for (const [url] of text.matchAll(/https?:\/\/[^\s"'`)<>]+/g)) {
      if (!ALLOWED_URLS.some(([pattern]) => pattern.test(url))) urls.push(`${file}: ${url}`);
    }
  }
  return { apis, urls };
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

describe("no network", () => {
  const out = mkdtempSync(join(tmpdir(), "nianbao-bundle-"));

  beforeAll(() => {
    buildPane(out);
  }, BUILD_TIMEOUT_MS);

  it("the pane bundle calls no network API and names no URL but identifiers", () => {
    const files = walk(out).filter((f) => /\.(js|html)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    expect(scan(files)).toEqual({ apis: [], urls: [] });
  });

  it("the pane page forbids connections by Content-Security-Policy", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/Content-Security-Policy[^>]*connect-src 'none'/);
    // The one script from elsewhere is the Office runtime Word requires of every add-in.
    const external = [...html.matchAll(/<script[^>]+src=["']?(https?:[^"'\s>]+)/g)].map(
      (m) => m[1],
    );
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(html).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  });

  it("the command line's own code names no network module or URL but identifiers", () => {
    expect(scan(walk(join(ROOT, "dist/node")).filter((f) => f.endsWith(".js")))).toEqual({
      apis: [],
      urls: [],
    });
  });

  it("the command line checks and writes templates with the network made unreachable", () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-offline-"));
    const file = join(dir, "r.docx");
    writeFileSync(file, docx(statutoryReport()));
    const guard = [
      "--require",
      join(__dirname, "../support/network-guard.js"),
      join(ROOT, "bin/nianbao.js"),
    ];
    const checked = spawnSync(process.execPath, [...guard, "check", "--format", "json", file], {
      encoding: "utf8",
    });
    const template = spawnSync(
      process.execPath,
      [...guard, "template", "-o", join(dir, "t.docx")],
      { encoding: "utf8" },
    );
    expect([checked.status, template.status]).toEqual([0, 0]);
    expect(checked.stderr + template.stderr).not.toContain("NETWORK ATTEMPT");
    // The guard works: a deliberate attempt is caught.
    const probe = spawnSync(
      process.execPath,
      [
        "--require",
        join(__dirname, "../support/network-guard.js"),
        "-e",
        "require('node:https').get('https://example.invalid')",
      ],
      { encoding: "utf8" },
    );
    expect(probe.stderr).toContain("NETWORK ATTEMPT: https.request");
  });
});
