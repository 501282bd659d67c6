/** The self-test as the pane sees it: which host there is to probe, and a context to probe it. */
import type { ProbeContext } from "./types";
import { wordProbeContextFrom } from "./word-context";
import { canOpenNewDocument, wpsApplicationFrom, wpsProbeContext } from "./wps-context";

export { runSelfTest, type SelfTestReport } from "./runner";
export { reportMarkdown, STATUS_TEXT } from "./report-text";
export type { ProbeContext, ProbeResult, HostInfo } from "./types";

export interface SelfTestTarget {
  host: "word" | "wps";
  /** The probes can run in a new document (WPS Documents.Add); Word's API cannot. */
  canUseNewDocument: boolean;
  context(options?: { newDocument?: boolean }): ProbeContext;
}

/** The host of this page (WPS first, as detect.ts decides), or null in a plain browser. */
export function selfTestTarget(scope: object = globalThis): SelfTestTarget | null {
  const userAgent = (scope as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? "";
  const app = wpsApplicationFrom(scope);
  if (app)
    return {
      host: "wps",
      canUseNewDocument: canOpenNewDocument(app),
      context: (options) => wpsProbeContext(app, { userAgent, newDocument: options?.newDocument }),
    };
  const word = wordProbeContextFrom(scope);
  if (word) return { host: "word", canUseNewDocument: false, context: () => word };
  return null;
}
