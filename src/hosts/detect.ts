/**
 * Which host the pane runs in, decided once at start-up: Word (Office.js loaded and ready in
 * Word), WPS (its Application object present), or neither, where the pane offers to check a
 * picked file instead.
 */
import type { DocumentHost } from "./host";
import { createWordHost, officeGlobal, officeIsDark } from "./word/office-host";

export type Detected =
  | { kind: "host"; host: DocumentHost; dark: boolean }
  /** Word, but older than WordApi 1.3. */
  | { kind: "unsupported" }
  | { kind: "none" };

export async function detectHost(scope: object = globalThis): Promise<Detected> {
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
