/**
 * The team's OOXML validator (../shared/tools/ooxml/validate.sh: ECMA-376 Transitional schemas
 * after markup-compatibility processing, plus package checks). It needs python3 and xmllint.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "./shared";

export const VALIDATOR = join(SHARED, "tools/ooxml/validate.sh");

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** Why the validator cannot run here, or null when it can. */
export function validatorUnavailable(): string | null {
  if (!existsSync(VALIDATOR)) return `${VALIDATOR} not found`;
  if (!has("python3")) return "python3 is not installed";
  if (!has("xmllint")) return "xmllint is not installed (Debian: libxml2-utils)";
  return null;
}

/**
 * Validates many files in one run and returns each file's violations as `part: element path:
 * message`, element indices removed, so that an input and its copy can be compared.
 */
export function validate(files: string[]): Map<string, string[]> {
  const run = spawnSync(VALIDATOR, files, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`validate.sh could not run (exit ${run.status}): ${run.stderr}`);
  const found = new Map<string, string[]>(files.map((f) => [f, []]));
  const longestFirst = [...files].sort((a, b) => b.length - a.length);
  for (const line of run.stdout.split("\n")) {
    if (line === "" || line.startsWith("#") || /^ooxml: \d+ files/.test(line)) continue;
    const file = longestFirst.find((f) => line.startsWith(`${f}!`) || line.startsWith(`${f}:`));
    if (!file) throw new Error(`validate.sh printed a line for no file: ${line}`);
    const rest = line.slice(file.length).replace(/^!/, "").replace(/^: /, "");
    found.get(file)?.push(rest.replace(/\[\d+\]/g, ""));
  }
  return found;
}

/** The violations of `output` that `input` does not have (as many times). */
export function addedViolations(input: string[], output: string[]): string[] {
  const budget = new Map<string, number>();
  for (const v of input) budget.set(v, (budget.get(v) ?? 0) + 1);
  return output.filter((v) => {
    const left = budget.get(v) ?? 0;
    budget.set(v, left - 1);
    return left <= 0;
  });
}
