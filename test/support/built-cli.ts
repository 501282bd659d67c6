/** The compiled command line (`npm run build:cli`), run as a user would: a process of its own. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const BIN = resolve(__dirname, "../../bin/nianbao.js");

/**
 * Runs `nianbao ARGS` in `cwd`. `node` are node's own options before the script (`-r hook.js`
 * to stand in for a file system). A run that hangs is killed after `timeout` ms, so a hang fails
 * its test instead of the suite.
 */
export function runBuilt(
  cwd: string,
  args: (string | Buffer)[],
  { node = [], timeout }: { node?: string[]; timeout?: number } = {},
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...node, BIN, ...args] as string[], {
    encoding: "utf8",
    cwd,
    ...(timeout !== undefined && { timeout, killSignal: "SIGKILL" as const }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
