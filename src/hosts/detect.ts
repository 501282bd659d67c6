/**
 * Which host the pane runs in, decided once at start-up: Word (Office.js loaded and ready in
 * Word), WPS (its Application object present), or neither, where the pane offers to check a
 * picked file instead. Every wait on a host is bounded, and a pane that is inside Word or WPS
 * but cannot reach it says so rather than pretending to run in a plain browser.
 */
import type { DocumentHost } from "./host";
import type { CommandSource } from "./commands";
import { pluginStorageCommands } from "./wps/commands";
import type { WpsApplication } from "./wps/wps-api";
import { WpsHost } from "./wps/wps-host";
import { createWordHost, officeGlobal, officeIsDark } from "./word/office-host";

export type Detected =
  | { kind: "host"; host: DocumentHost; dark: boolean; commands?: CommandSource }
  /** Word, but older than WordApi 1.3. */
  | { kind: "unsupported" }
  /** Inside Office (Word gave the page its host information), but office.js is not there. */
  | { kind: "office-missing" }
  /** office.js is there, but Office.onReady did not settle in time. */
  | { kind: "office-timeout"; seconds: number }
  /** The WPS build of the pane, but WPS's Application object never appeared. */
  | { kind: "wps-missing" }
  | { kind: "none" };

export interface DetectOptions {
  /** The build the page belongs to (taskpane.html's data-nianbao-target). */
  build?: "office" | "wps" | "demo";
  /** How long to wait for Office.onReady. */
  officeTimeoutMs?: number;
  /** How long the WPS build waits for WPS to add its Application object. */
  wpsWaitMs?: number;
}

export const OFFICE_READY_TIMEOUT_MS = 10_000;
const WPS_WAIT_MS = 3_000;
const WPS_POLL_MS = 100;

export async function detectHost(
  scope: object = globalThis,
  options: DetectOptions = {},
): Promise<Detected> {
  const wps =
    options.build === "wps"
      ? await waitFor(() => wpsApplication(scope), options.wpsWaitMs ?? WPS_WAIT_MS)
      : wpsApplication(scope);
  if (wps)
    return {
      kind: "host",
      host: new WpsHost(wps),
      dark: false,
      commands: pluginStorageCommands(wps),
    };
  if (options.build === "wps") return { kind: "wps-missing" };
  const office = officeGlobal(scope);
  if (!office) return insideOffice(scope) ? { kind: "office-missing" } : { kind: "none" };
  const timeoutMs = options.officeTimeoutMs ?? OFFICE_READY_TIMEOUT_MS;
  const info = await withTimeout(office.onReady(), timeoutMs);
  if (info === TIMED_OUT) return { kind: "office-timeout", seconds: Math.round(timeoutMs / 1000) };
  if (info.host === office.HostType.Word) {
    const host = createWordHost(scope, office);
    return host ? { kind: "host", host, dark: officeIsDark(office) } : { kind: "unsupported" };
  }
  return { kind: "none" };
}

/**
 * Whether Office opened this page. office.js itself finds its host information in the same
 * places (office.debug.js, _retrieveHostInfo): the `_host_Info` query parameter Word adds to
 * the pane's URL, `window.name` (JSON with `hostInfo`) and sessionStorage `hostInfoValue` on a
 * later navigation, and `window.external.GetHostInfo` in older Windows webviews. Office on the
 * web frames the pane, with the same query parameter.
 */
export function insideOffice(scope: object): boolean {
  const page = scope as {
    location?: { search?: string };
    name?: string;
    sessionStorage?: { getItem(key: string): string | null };
    external?: Record<string, unknown>;
  };
  if (/[?&]_host_Info=/i.test(page.location?.search ?? "")) return true;
  try {
    if (page.sessionStorage?.getItem("hostInfoValue")) return true;
  } catch {
    // storage can be refused; not a sign either way
  }
  try {
    const name = page.name ? (JSON.parse(page.name) as unknown) : null;
    if (name && typeof name === "object" && "hostInfo" in name) return true;
  } catch {
    // a window name that is not JSON
  }
  try {
    return page.external !== undefined && page.external !== null && "GetHostInfo" in page.external;
  } catch {
    return false;
  }
}

/** WPS puts its Application object on the add-in's pages; Word and browsers have none. */
function wpsApplication(scope: object): WpsApplication | null {
  const app = (scope as { Application?: unknown }).Application;
  if (!app || typeof app !== "object") return null;
  try {
    return "ActiveDocument" in app && "Selection" in app ? (app as WpsApplication) : null;
  } catch {
    return null;
  }
}

const TIMED_OUT = Symbol("timed out");

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `find` until it gives a value or `ms` have passed. */
async function waitFor<T>(find: () => T | null, ms: number): Promise<T | null> {
  const found = find();
  if (found || ms <= 0) return found;
  const deadline = Date.now() + ms;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, WPS_POLL_MS));
    const next = find();
    if (next || Date.now() >= deadline) return next;
  }
}
