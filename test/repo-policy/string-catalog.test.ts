/**
 * Each front end's text lives in one catalog (src/taskpane/strings.ts, src/demo/strings.ts): a
 * component that spells out Chinese text itself would escape review and the catalog's voice.
 * Comments may name the Chinese they are about.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
const CATALOGS = ["strings.ts", "self-test-strings.ts"];

/** The code of a file with its comments blanked out, line numbers kept. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "))
    .replace(/\/\/.*$/gm, "");
}

function offendersIn(dir: string): { files: number; offenders: string[] } {
  const files = readdirSync(dir).filter(
    (f) => /\.tsx?$/.test(f) && !CATALOGS.includes(f) && !f.endsWith(".test.ts"),
  );
  const offenders: string[] = [];
  for (const file of files) {
    withoutComments(readFileSync(join(dir, file), "utf8"))
      .split("\n")
      .forEach((line, i) => {
        if (CJK.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return { files: files.length, offenders };
}

describe("the front ends' strings", () => {
  it.each(["src/taskpane", "src/demo"])(
    "come from the catalog in %s, never from a component",
    (dir) => {
      const { files, offenders } = offendersIn(join(__dirname, "../..", dir));
      expect(files).toBeGreaterThan(0);
      expect(offenders).toEqual([]);
    },
  );

  it("finds Chinese in code, not in comments", () => {
    const code = withoutComments('/** 插入模板 */\nconst a = "检查";').split("\n");
    expect(code).toEqual([" ".repeat("/** 插入模板 */".length), 'const a = "检查";']);
    expect(CJK.test(withoutComments("// 上一个\nconst b = 1;"))).toBe(false);
  });
});
