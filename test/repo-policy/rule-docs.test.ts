/**
 * Each rule's identity and words are in one place, its meta; everything else that names a rule
 * is checked against it: the registry, the rule's file name, its doc page (meta, and every
 * example message is one the rule really gives) and the README's table of rules.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_REGISTRY, RULES } from "../../src/core/rules/registry";
import { RULE_IDS, type Rule, type RuleId } from "../../src/core/rules/types";
import { RULE_EXAMPLES } from "../support/rule-examples";

const RULES_DIR = join(__dirname, "../../src/core/rules");
const docOf = (id: string) => readFileSync(join(__dirname, "../../docs/rules", `${id}.md`), "utf8");

/** The quoted lines under **消息示例**. */
function exampleMessages(doc: string): string[] {
  const section = /\*\*消息示例\*\*\n([\s\S]*?)(?=\n\*\*)/.exec(doc)?.[1] ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("> "))
    .map((line) => line.slice(2));
}

/** The rows of README's table of rules: id, link target and severity column. */
function readmeRules(readme: string): { id: string; link: string; severity: string }[] {
  const lines = readme.split("\n");
  const first = lines.findIndex((line) => line.includes("](docs/rules/"));
  const rows: string[] = [];
  for (let i = first; i >= 0 && i < lines.length && lines[i]?.startsWith("|"); i++)
    rows.push(lines[i] as string);
  return rows.map((row) => {
    const cells = row.split("|").map((c) => c.trim());
    const link = /^\[`([^`]+)`\]\(([^)]+)\)$/.exec(cells[1] ?? "");
    return { id: link?.[1] ?? cells[1] ?? "", link: link?.[2] ?? "", severity: cells[2] ?? "" };
  });
}

const isRule = (value: unknown): value is Rule =>
  typeof value === "object" &&
  value !== null &&
  "meta" in value &&
  "check" in value &&
  typeof (value as Rule).check === "function";

describe("rule identity", () => {
  it("registers every rule id exactly once, each under its own id", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...RULE_IDS].sort());
    for (const [id, rule] of Object.entries(RULE_REGISTRY)) expect(rule.meta.id).toBe(id);
  });

  it("keeps each rule in the file named by its id, and no rule in any other file", () => {
    for (const rule of RULES) {
      const module = jest.requireActual<Record<string, unknown>>(join(RULES_DIR, rule.meta.id));
      expect(Object.values(module)).toContain(rule);
    }
    const files = readdirSync(RULES_DIR).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    );
    for (const file of files) {
      const module = jest.requireActual<Record<string, unknown>>(join(RULES_DIR, file));
      const ids = Object.values(module)
        .filter(isRule)
        .map((rule) => rule.meta.id);
      expect([file, ids]).toEqual([file, ids.length ? [file.replace(/\.ts$/, "")] : []]);
    }
  });
});

describe("rule documentation", () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))(
    "%s has a doc that agrees with its meta",
    (id, rule) => {
      const path = join(__dirname, "../../docs/rules", `${id}.md`);
      expect(existsSync(path)).toBe(true);
      const doc = docOf(id);
      expect(doc).toContain(`# \`${id}\``);
      expect(doc).toContain(`severity: \`${rule.meta.severity}\``);
      expect(doc).toContain(`[\`src/core/rules/${id}.ts\`](../../src/core/rules/${id}.ts)`);
      expect(doc).toContain(rule.meta.description);
      expect(doc).toContain(`**批注所附建议**\u3000${rule.meta.remedy}`);
      expect(doc).toContain(`**依据**\u3000${rule.meta.basis}`);
    },
  );

  it.each(RULES.map((r) => [r.meta.id] as const))(
    "%s: every example message in its doc is one the rule gives",
    (id) => {
      const examples = exampleMessages(docOf(id));
      expect(examples.length).toBeGreaterThan(0);
      const given = RULE_EXAMPLES[id].flatMap((build) =>
        build()
          .findings.filter((f) => f.rule === id)
          .map((f) => f.message),
      );
      expect(examples.filter((m) => !given.includes(m))).toEqual([]);
    },
  );

  it("reads the example messages of a doc", () => {
    const doc = "**说明**　x\n\n**消息示例**\n\n> 甲\n\n> 乙\n\n**处理建议**　y\n";
    expect(exampleMessages(doc)).toEqual(["甲", "乙"]);
  });
});

describe("README's table of rules", () => {
  const rows = readmeRules(readFileSync(join(__dirname, "../../README.md"), "utf8"));

  it("lists every rule, in listing order, and nothing else", () => {
    const listed = rows.map((r) => r.id);
    expect(listed).toEqual(RULES.map((r) => r.meta.id));
  });

  it("links each rule to its doc and gives its severity", () => {
    for (const { id, link, severity } of rows) {
      const rule = RULE_REGISTRY[id as RuleId];
      expect([id, link]).toEqual([id, `docs/rules/${id}.md`]);
      expect([id, severity.split(" / ")]).toEqual([
        id,
        expect.arrayContaining([rule.meta.severity]),
      ]);
    }
  });
});
