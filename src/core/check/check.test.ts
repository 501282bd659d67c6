import { readDocument } from "../ooxml/read-document";
import {
  BALANCED_TABLE3,
  docx,
  documentXml,
  statutoryReport,
  type ReportOptions,
} from "../../../test/support/docx-builder";
import { check } from "./check";

const bodyOf = (xml: string) =>
  xml.slice(xml.indexOf("<w:body>") + "<w:body>".length, xml.lastIndexOf("<w:sectPr"));
const compiled = (...reports: ReportOptions[]) =>
  readDocument(docx(documentXml(reports.map((r) => bodyOf(statutoryReport(r))).join(""))));
const carriedForward = (unit: string, figures: number[]): ReportOptions => ({
  unit,
  year: 2022,
  table3: { ...BALANCED_TABLE3, carryForward: figures },
});
const carryover = (result: ReturnType<typeof check>) =>
  result.reports.map((r) => r.findings.filter((f) => f.rule === "carryover-mismatch").length);

describe("check", () => {
  it("places every finding in its report and its section (a prose one by its paragraph)", () => {
    const result = check(
      compiled(
        { unit: "甲镇", prose: ["本年度共收到政府信息公开申请21件。"] },
        { unit: "乙镇", table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } },
      ),
    );
    expect(result.reports.map((r) => [r.index, r.unit, r.year, r.format])).toEqual([
      [0, "甲镇", 2023, "2021"],
      [1, "乙镇", 2023, "2021"],
    ]);
    expect(result.unit).toBe("甲镇");
    expect(result.model).toBe(result.reports[0]?.model);
    const prose = result.findings.find((f) => f.rule === "text-table-mismatch");
    expect(prose).toMatchObject({ report: 0, section: "一", location: { paragraph: 3 } });
    const rowTotal = result.findings.find((f) => f.rule === "table3-row-total");
    expect(rowTotal).toMatchObject({ report: 1, section: "三" });
    expect(rowTotal?.anchors[0]).toMatchObject({ kind: "cell", tableIndex: 4 });
    expect(result.reports[1]?.startParagraph).toBeGreaterThan(3);
  });

  it("gives a single report one entry, its findings those of the document", () => {
    const result = check(readDocument(docx(statutoryReport({ prose: ["收到申请21件。"] }))));
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]?.findings).toEqual(result.findings);
    expect(result.reports[0]?.startParagraph).toBe(0);
    expect(result.findings.every((f) => f.report === 0)).toBe(true);
  });

  it("applies last year's single report whatever its unit, as before", () => {
    const now = readDocument(docx(statutoryReport({ unit: "甲镇" })));
    const last = readDocument(docx(statutoryReport(carriedForward("乙镇", [3, 0, 0, 0, 0, 0, 3]))));
    expect(carryover(check(now, { previous: last }))).toEqual([2]);
  });

  it("matches last year's reports by unit when either document holds several", () => {
    const now = compiled({ unit: "甲镇" }, { unit: "乙镇人民政府" });
    const last = compiled(
      carriedForward("乙镇", [2, 0, 0, 0, 0, 0, 2]),
      carriedForward("甲镇", [3, 0, 0, 0, 0, 0, 3]),
    );
    expect(carryover(check(now, { previous: last }))).toEqual([2, 0]);
    const other = compiled(carriedForward("丙镇", [3, 0, 0, 0, 0, 0, 3]), { unit: "丁镇" });
    expect(carryover(check(now, { previous: other }))).toEqual([0, 0]);
  });
});
