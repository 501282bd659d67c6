/**
 * Permission tests need a user the kernel refuses: root reads and writes anything. As root,
 * the compiled command line (`npm run build:cli`) is run as `nobody` through setpriv; as an
 * ordinary user, in-process. Returns null when neither is possible (the caller says it skips).
 */
import { spawnSync } from "node:child_process";
import { chmodSync } from "node:fs";
import { resolve } from "node:path";
import { capture } from "./cli";

const BIN = resolve(__dirname, "../../bin/nianbao.js");
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync("sh", ["-c", "command -v setpriv"]).status === 0;

export const ordinaryUserAvailable = !isRoot || hasSetpriv;

/** Lets `nobody` reach a test folder (mkdtemp makes it 0700). */
export function openToOthers(...paths: string[]): void {
  if (isRoot) for (const path of paths) chmodSync(path, 0o777);
}

export async function captureAsOrdinaryUser(
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!isRoot) return capture(argv);
  const run = spawnSync(
    "setpriv",
    ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, ...argv],
    { encoding: "utf8" },
  );
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
