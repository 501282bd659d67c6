/**
 * The command line's words live in two catalogs, src/cli/strings.ts (what the command says) and
 * src/cli/report-strings.ts (the reports), so they are reviewed together in one voice. Code
 * elsewhere in src/cli holds no Chinese prose; option placeholders, the copy-name pattern and
 * the names of the six sections are data, not prose.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const CLI = join(__dirname, "../../src/cli");
const CATALOGS = ["strings.ts", "report-strings.ts"];
/** Ideographs: punctuation used as data (line-breaking sets, separators) is not prose. */
const CJK = /[\u3400-\u9fff]/;
/** Data, not prose: commander placeholders (<格式>), regular expressions, section numbers. */
const DATA = [
  /^\s*\.?(option|addOption|new Option)\(\s*"-/,
  /new Option\("-/,
  /= \/.*\/[a-z]*;$/,
  /\.replace\(\/.*\//,
  /\["一", "二"/,
];

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith(".test.ts") && !CATALOGS.includes(name)
      ? [path]
      : [];
  });
}

describe("the command line's strings", () => {
  it("come from the catalogs, never from the code", () => {
    const offenders: string[] = [];
    for (const file of sources(CLI)) {
      let inComment = false;
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const trimmed = line.trim();
          if (trimmed.startsWith("/*")) inComment = true;
          const comment = inComment || trimmed.startsWith("*") || trimmed.startsWith("//");
          if (trimmed.includes("*/")) inComment = false;
          const code = line.replace(/\/\/.*$/, "");
          if (!comment && CJK.test(code) && !DATA.some((pattern) => pattern.test(line)))
            offenders.push(`${relative(CLI, file)}:${i + 1}: ${trimmed}`);
        });
    }
    expect(sources(CLI).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it("space numbers and Latin words from Chinese, as the reports do (「应使用 2021 年格式」)", () => {
    const offenders: string[] = [];
    for (const catalog of CATALOGS) {
      const text = readFileSync(join(CLI, catalog), "utf8");
      for (const literal of text.match(/["`][^"`\n]*["`]/g) ?? []) {
        // A year or count glued to a Chinese word it is not part of: 使用2021 / 2021年格式.
        if (/[使用为于共第]\d{4}|\d{4}(年格式|年新格式|年试行)/.test(literal))
          offenders.push(literal);
      }
    }
    expect(offenders).toEqual([]);
  });
});
