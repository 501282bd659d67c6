/**
 * Debian's Chromium for browser tests (never a downloaded browser), started as this machine
 * needs it, and the pane built into a folder of its own.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = resolve(__dirname, "../..");

/** Whether Chromium is installed; says so when it is not, so a skipped test is explained. */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`skipping ${what}: ${CHROMIUM} is not installed`);
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

/** Builds the pane with webpack into `out`: the Word add-in, or the demo page. */
export function buildPane(
  out: string,
  target: "office" | "demo" | "wps" = "office",
  env: Record<string, string> = {},
): void {
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
      out,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`webpack failed: ${build.stderr || build.stdout}`);
}

/** Every uncaught error and console error the page reports, for a test to expect none. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
  return errors;
}
