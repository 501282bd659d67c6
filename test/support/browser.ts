/**
 * Debian's Chromium for browser tests (never a downloaded browser), started as this machine
 * needs it, and the pane built into a folder of its own.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { skipNotice } from "./notes";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = resolve(__dirname, "../..");

/** Whether Chromium is installed; says so when it is not, so a skipped test is explained. */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  skipNotice(`${what}: ${CHROMIUM} is not installed`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Headless as root, and none of the background connections a closed network refuses.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** What a build of the pane depends on: its sources, configuration and locked dependencies. */
const BUILD_INPUTS = ["src", "wps", "assets"];
const BUILD_FILES = [
  "manifest.xml",
  "webpack.config.js",
  "babel.config.js",
  "scripts/engines.js",
  "package.json",
  "package-lock.json",
];

function buildKey(target: string, env: Record<string, string>): string {
  const hash = createHash("sha256").update(JSON.stringify([target, env]));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of [...BUILD_INPUTS.flatMap((d) => walk(join(ROOT, d))), ...BUILD_FILES]) {
    const path = file.startsWith(ROOT) ? file : join(ROOT, file);
    hash.update(path.slice(ROOT.length)).update(readFileSync(path));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Builds the pane with webpack (production, as shipped) into `out`: the Word add-in, the demo
 * page or the WPS add-in. A build of the same sources, configuration and options is made once
 * and copied for every test file that asks for it (node_modules/.cache/nianbao-builds).
 */
export function buildPane(
  out: string,
  target: "office" | "demo" | "wps" = "office",
  env: Record<string, string> = {},
): void {
  const cache = join(ROOT, "node_modules/.cache/nianbao-builds");
  const built = join(cache, buildKey(target, env));
  if (!existsSync(built)) {
    const fresh = `${built}.${process.pid}`;
    const build = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/webpack/bin/webpack.js"),
        "--mode",
        "production",
        "--env",
        `target=${target}`,
        ...Object.entries(env).flatMap(([key, value]) => ["--env", `${key}=${value}`]),
        "--output-path",
        fresh,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    if (build.status !== 0) throw new Error(`webpack failed: ${build.stderr || build.stdout}`);
    try {
      renameSync(fresh, built);
    } catch {
      rmSync(fresh, { recursive: true, force: true }); // another worker finished it first
    }
  }
  cpSync(built, out, { recursive: true });
}

/** How long a test may take to build the pane: a cold build compiles all of node_modules. */
export const BUILD_TIMEOUT_MS = 900_000;

/** Every uncaught error and console error the page reports, for a test to expect none. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
  return errors;
}

/** Waits until no CSS transition or animation is running, so a screenshot shows the end state. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect === null),
  );
}
