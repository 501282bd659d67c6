import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../src/core/rules/registry";
import { RULE_IDS } from "../src/core/rules/types";

describe("rule documentation", () => {
  it("registers every rule id exactly once", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))(
    "%s has a doc that agrees with its meta",
    (id, rule) => {
      const path = join(__dirname, "../docs/rules", `${id}.md`);
      expect(existsSync(path)).toBe(true);
      const doc = readFileSync(path, "utf8");
      expect(doc).toContain(`# \`${id}\``);
      expect(doc).toContain(`severity: \`${rule.meta.severity}\``);
      expect(doc).toContain(rule.meta.description);
      expect(doc).toContain(rule.meta.basis);
    },
  );
});
