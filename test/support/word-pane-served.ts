/**
 * The Word pane as the browser suites drive it: built with office.js served from the pane's own
 * folder, the fake Word (word-in-browser.ts) bundled beside it as fake-office.js, the folder
 * served over http as an intranet server serves it, and one Chromium. Set up before the tests of
 * the describe block that calls it and closed after them.
 */
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { BUILD_TIMEOUT_MS, buildPane, launchChromium } from "./browser";
import { bundleForBrowser } from "./bundle";
import { serve } from "./serve";

export interface ServedWordPane {
  /** The built pane's folder, fake-office.js included. */
  readonly out: string;
  /** The address the folder is served at, ending in "/". */
  readonly base: string;
  readonly browser: Browser;
}

/** Call in a describe block: `prefix` names the temporary folder the pane is built in. */
export function serveWordPane(prefix: string): ServedWordPane {
  const out = mkdtempSync(join(tmpdir(), prefix));
  let server: Server | undefined;
  let base = "";
  let browser: Browser | undefined;

  beforeAll(async () => {
    buildPane(out, "office", { officeJs: "local" });
    await bundleForBrowser(join(__dirname, "word-in-browser.ts"), out, "fake-office.js");
    ({ server, base } = await serve(out));
    browser = await launchChromium();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  }, 30_000);

  return {
    out,
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error("Chromium did not start (see beforeAll)");
      return browser;
    },
  };
}
