import { check } from "../check/check";
import { readDocument } from "../ooxml/read-document";
import type { FormatId, SectionId, TableId } from "../formats/types";
import { buildPart, buildTemplate, UNIT_PLACEHOLDER } from "./build";
import { templateDocx, templateFlatOpc } from "./package";

const STRUCTURAL = /^(section-|table-|format-outdated)/;
const cases: [FormatId, number][] = [
  ["2021", 2025],
  ["2021", 2021],
  ["2019", 2020],
  ["2019", 2019],
];

describe("the generated template, read back by the core", () => {
  it.each(cases)(
    "%s format for %d: a complete report, only cell-blank warnings when empty",
    (format, year) => {
      for (const input of [
        templateDocx({ format, year, unit: "某某镇人民政府" }),
        templateFlatOpc({ format, year, unit: "某某镇人民政府" }),
      ]) {
        const result = check(readDocument(input));
        expect(result.format).toBe(format);
        expect(result.year).toBe(year);
        expect(result.unit).toBe("某某镇人民政府");
        expect(result.model.sections.map((s) => [s.id, s.quality])).toEqual(
          ["一", "二", "三", "四", "五", "六"].map((id) => [id, "exact"]),
        );
        expect(result.findings.filter((f) => STRUCTURAL.test(f.rule))).toEqual([]);
        expect(new Set(result.findings.map((f) => f.rule))).toEqual(new Set(["cell-blank"]));
      }
    },
  );

  it.each(cases)("%s format for %d with zeros: no findings at all", (format, year) => {
    expect(check(readDocument(templateDocx({ format, year, zeros: true }))).findings).toEqual([]);
    expect(check(readDocument(templateFlatOpc({ format, year, zeros: true }))).findings).toEqual(
      [],
    );
  });

  it("writes the title and the statistics period of the year", () => {
    const [title, opening] = buildTemplate({ format: "2021", year: 2024 });
    expect(title).toEqual({
      kind: "paragraph",
      role: "title",
      text: `${UNIT_PLACEHOLDER}\n2024年政府信息公开工作年度报告`,
    });
    expect(opening?.kind === "paragraph" && opening.text).toContain(
      "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止",
    );
  });

  it("gives 一、总体情况 its five customary sub-headings", () => {
    const headings = buildTemplate({ format: "2021", year: 2024 }).filter(
      (b) => b.kind === "paragraph" && b.role === "heading2",
    );
    expect(headings.map((b) => b.kind === "paragraph" && b.text)).toEqual([
      "（一）主动公开",
      "（二）依申请公开",
      "（三）政府信息管理",
      "（四）政府信息公开平台建设",
      "（五）监督保障",
    ]);
  });

  it("has no section properties in the insertion package, so it never changes the host's page setup", () => {
    expect(templateFlatOpc({ format: "2021", year: 2024 })).not.toContain("w:sectPr");
  });
});

describe("partial templates", () => {
  it.each(["一", "二", "三", "四", "五", "六"] as SectionId[])(
    "section %s is recognized as that section",
    (section) => {
      const model = check(
        readDocument(templateFlatOpc({ format: "2021", year: 2024 }, { section })),
      ).model;
      expect(model.sections.map((s) => s.id)).toEqual([section]);
      const table = model.spec.sections.find((s) => s.id === section)?.table;
      expect(Object.keys(model.tables)).toEqual(table ? [table] : []);
    },
  );

  it.each(["table2", "table3", "table4"] as TableId[])(
    "%s alone is recognized as that table",
    (table) => {
      const result = check(
        readDocument(templateFlatOpc({ format: "2021", year: 2024, zeros: true }, { table })),
      );
      expect(Object.keys(result.model.tables)).toEqual([table]);
      expect(result.model.tables[table]?.issues).toEqual([]);
    },
  );

  it("fills a missing table back into a report", () => {
    const full = buildTemplate({ format: "2021", year: 2024, zeros: true });
    const withoutTable3 = full.filter((b) => !(b.kind === "table" && b.table === "table3"));
    const at = withoutTable3.findIndex((b) => b.kind === "paragraph" && b.text.startsWith("三、"));
    const repaired = [
      ...withoutTable3.slice(0, at + 1),
      ...buildPart({ table: "table3" }, { format: "2021", year: 2024, zeros: true }),
      ...withoutTable3.slice(at + 1),
    ];
    expect(repaired).toEqual(full);
  });
});
