import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_IDS } from "../../src/core/rules/types";
import { configJsonSchema, parseConfig } from "../../src/core/check/config";
import { checkOptionsSchema } from "../../src/core/check/options";

const ROOT = join(__dirname, "../..");
const json = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), "utf8"));

describe("the configuration file", () => {
  it("ships schema/nianbao-config.schema.json as generated from the zod schema", () => {
    // Regenerate with `npx tsx scripts/write-config-schema.ts`.
    expect(json("schema/nianbao-config.schema.json")).toEqual(configJsonSchema());
  });

  it("lists every rule id and every option in the JSON schema", () => {
    const schema = configJsonSchema() as {
      properties: {
        rules: { propertyNames: { enum: string[] } };
        ruleOptions: { properties: Record<string, unknown> };
      };
    };
    expect(schema.properties.rules.propertyNames.enum).toEqual([...RULE_IDS]);
    expect(Object.keys(schema.properties.ruleOptions.properties).sort()).toEqual(
      ["oversight-missing", "problems-vague", "report-date", "summary-length"].sort(),
    );
  });

  it("accepts the example and gives the check options it means", () => {
    const parsed = parseConfig(json("examples/nianbao-config.json"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const options = checkOptionsSchema.parse({
      rules: parsed.config.rules,
      ruleOptions: parsed.config.ruleOptions,
    });
    expect(options.rules).toEqual({ "report-date": "off", "title-wording": "info" });
    expect(options.ruleOptions["summary-length"].maxLength).toBe(1000);
    expect(options.ruleOptions["report-date"].governmentDeadline).toBe("03-31");
  });

  it("says in Chinese where each problem is", () => {
    const parsed = parseConfig({
      rules: { "title-wording": "of" },
      ruleOptions: { "report-date": { governmentDeadline: "02-30" }, "summary-length": { max: 1 } },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual([
      "rules.title-wording",
      "ruleOptions.summary-length",
      "ruleOptions.report-date.governmentDeadline",
    ]);
    for (const problem of parsed.problems) expect(problem.message).toMatch(/\p{Script=Han}/u);
  });
});
