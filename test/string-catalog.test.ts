/**
 * The pane's text lives in one catalog (src/taskpane/strings.ts): a component that spells out
 * Chinese text itself would escape translation review and the catalog's voice rules.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const PANE = join(__dirname, "../src/taskpane");
const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

describe("the pane's strings", () => {
  const components = readdirSync(PANE).filter(
    (f) =>
      /\.tsx?$/.test(f) &&
      !["strings.ts", "self-test-strings.ts"].includes(f) &&
      !f.endsWith(".test.ts"),
  );

  it("come from the catalog, never from a component", () => {
    const offenders: string[] = [];
    for (const file of components) {
      readFileSync(join(PANE, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "");
          if (CJK.test(code)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(components.length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });
});
