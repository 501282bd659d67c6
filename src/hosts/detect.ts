/**
 * Which host the pane runs in, decided once at start-up: Word (Office.js loaded and ready in
 * Word), WPS (its Application object present), or neither, where the pane offers to check a
 * picked file instead.
 */
import type { DocumentHost } from "./host";
import { pluginStorageCommands, type CommandSource } from "./wps/commands";
import type { WpsApplication } from "./wps/wps-api";
import { WpsHost } from "./wps/wps-host";
import { createWordHost, officeGlobal, officeIsDark } from "./word/office-host";

export type Detected =
  | { kind: "host"; host: DocumentHost; dark: boolean; commands?: CommandSource }
  /** Word, but older than WordApi 1.3. */
  | { kind: "unsupported" }
  | { kind: "none" };

export async function detectHost(scope: object = globalThis): Promise<Detected> {
  const wps = wpsApplication(scope);
  if (wps)
    return {
      kind: "host",
      host: new WpsHost(wps),
      dark: false,
      commands: pluginStorageCommands(wps),
    };
  const office = officeGlobal(scope);
  if (office) {
    const info = await office.onReady();
    if (info.host === office.HostType.Word) {
      const host = createWordHost(scope, office);
      return host ? { kind: "host", host, dark: officeIsDark(office) } : { kind: "unsupported" };
    }
  }
  return { kind: "none" };
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
