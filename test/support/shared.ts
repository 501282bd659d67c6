import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { skipNotice } from "./notes";

/** ../shared beside the checkout: specs and fixtures from the team. CI always has it. */
export const SHARED = resolve(__dirname, "../../../shared");

export function sharedAvailable(): boolean {
  if (existsSync(SHARED)) return true;
  if (process.env.CI) throw new Error(`../shared is missing at ${SHARED}; CI must run beside it`);
  skipNotice(`shared-fixture tests: ${SHARED} not found`);
  return false;
}
