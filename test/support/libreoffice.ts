/**
 * LibreOffice for the suites of test/libreoffice: whether a command is installed, and one
 * headless conversion with a profile of its own (runs at the same time never share one).
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";

export const commandAvailable = (command: string): boolean =>
  spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** `soffice --convert-to to --outdir outdir input`, its profile under `profileDir`. */
export function convertWithLibreOffice(options: {
  profileDir: string;
  to: string;
  outdir: string;
  input: string;
  timeout: number;
}): SpawnSyncReturns<string> {
  return spawnSync(
    "soffice",
    [
      "--headless",
      `-env:UserInstallation=file://${options.profileDir}/profile`,
      "--convert-to",
      options.to,
      "--outdir",
      options.outdir,
      options.input,
    ],
    { encoding: "utf8", timeout: options.timeout },
  );
}
