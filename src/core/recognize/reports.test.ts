import { readDocument } from "../ooxml/read-document";
import {
  BALANCED_TABLE3,
  DEFAULT_SECTION_TEXT,
  docx,
  documentXml,
  heading,
  paragraph,
  statutoryReport,
  table,
  table3Rows,
} from "../../../test/support/docx-builder";
import { bodyOf } from "../../../test/support/body-of";
import { isTitleStart, segmentReports } from "./reports";

const report = (unit: string, options: Parameters<typeof statutoryReport>[0] = {}) =>
  bodyOf(statutoryReport({ unit, ...options }));
const segment = (body: string) => segmentReports(readDocument(docx(documentXml(body))));
const firstText = (s: ReturnType<typeof segment>, i: number) => {
  const block = s.reports[i]?.snapshot.blocks.find((b) => b.kind === "paragraph");
  return block?.kind === "paragraph" ? block.text : null;
};

describe("report titles", () => {
  it.each([
    ["某某镇人民政府2023年政府信息公开工作年度报告", ""],
    ["2021年苏溪镇政府信息公开工作年度报告", ""],
    ["某某市财政局2022年度政府信息公开工作年度报告（修订）", ""],
    ["相山区渠沟镇政府2021年政府信息公开", "工作年度报告"],
  ])("%s%s is a title", (text, next) => {
    expect(isTitleStart(text, next)).toBe(true);
  });

  it.each([
    ["四、政府信息公开行政复议、行政诉讼情况", ""],
    ["（四）政府信息公开平台建设", ""],
    ["本年度报告是根据《条例》编制，现将政府信息公开工作年度报告如下。", ""],
    ["政府信息公开平台建设", "一、总体情况"],
    ["（单位名称）\n2023年政府信息公开工作年度报告", ""],
  ])("%s is not a title", (text, next) => {
    expect(isTitleStart(text, next)).toBe(false);
  });
});

describe("segmenting a document into reports", () => {
  it("keeps a single report whole, as before", () => {
    const snapshot = readDocument(docx(statutoryReport({ unit: "甲镇" })));
    const result = segmentReports(snapshot);
    expect(result.several).toBe(false);
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]?.snapshot).toBe(snapshot);
    expect(result.reports[0]?.repeated).toEqual([]);
  });

  it("splits at each title and keeps the blocks' own indices", () => {
    const result = segment(report("甲镇") + report("乙镇") + report("丙镇"));
    expect(result.several).toBe(true);
    expect(result.reports.map((_, i) => firstText(result, i))).toEqual([
      "甲镇2023年政府信息公开工作年度报告",
      "乙镇2023年政府信息公开工作年度报告",
      "丙镇2023年政府信息公开工作年度报告",
    ]);
    const tables = result.reports.map((r) =>
      r.snapshot.blocks.flatMap((b) => (b.kind === "table" ? [b.tableIndex] : [])),
    );
    expect(tables).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
    const starts = result.reports.map((r) => r.startParagraph);
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBeGreaterThan(0);
    expect(result.reports.every((r) => r.repeated.length === 0)).toBe(true);
  });

  it("starts a report at the centred unit line above its title", () => {
    const second = report("乙镇", { title: "2023年政府信息公开工作年度报告" });
    const unitLine = paragraph("某某县财政局", { align: "center" });
    const result = segment(report("甲镇") + unitLine + second);
    expect(result.reports).toHaveLength(2);
    expect(firstText(result, 1)).toBe("某某县财政局");
    const last = result.reports[0]?.snapshot.blocks.at(-1);
    expect(last?.kind === "paragraph" && last.text).toBe(DEFAULT_SECTION_TEXT.六[0]);
  });

  it("leaves a cover and a 目录 of titles out of every report", () => {
    const front = [
      paragraph("某某市政府信息公开工作年度报告汇编", { align: "center" }),
      paragraph("目录"),
      paragraph("甲镇2023年政府信息公开工作年度报告"),
      paragraph("乙镇2023年政府信息公开工作年度报告"),
    ].join("");
    const result = segment(front + report("甲镇") + report("乙镇"));
    expect(result.reports).toHaveLength(2);
    expect(firstText(result, 0)).toBe("甲镇2023年政府信息公开工作年度报告");
    expect(result.reports[0]?.startParagraph).toBe(4);
  });

  it("takes a whole report without a title, with its own figures, for a report of its own", () => {
    const second = report("乙镇", {
      title: "",
      table3: { ...BALANCED_TABLE3, new: [19, 2, 0, 0, 0, 0, 21] },
    });
    const result = segment(report("甲镇") + second);
    expect(result.reports).toHaveLength(2);
    expect(result.reports.every((r) => r.repeated.length === 0)).toBe(true);
  });

  it("reports a body pasted twice under one title as repeated, not as a second report", () => {
    const body = report("甲镇");
    const again = body.slice(body.indexOf("</w:p>") + "</w:p>".length);
    const result = segment(body + again);
    expect(result.several).toBe(false);
    const [part] = result.reports[0]?.repeated ?? [];
    expect(part?.sections).toEqual(["一", "二", "三", "四", "五", "六"]);
    expect(part?.tables).toEqual(["table2", "table3", "table4"]);
    expect(part?.occurrence).toBe(2);
    expect(part?.tableIndices).toEqual([3, 4, 5]);
  });

  it("reports one section heading that recurs", () => {
    const body = report("甲镇");
    const at = body.indexOf("四、政府信息公开");
    const start = body.lastIndexOf("<w:p>", at);
    const section3 = bodyOf(
      documentXml(heading("三、收到和处理政府信息公开申请情况") + table(table3Rows("2021"), 10)),
    );
    const result = segment(body.slice(0, start) + section3 + body.slice(start));
    const repeated = result.reports[0]?.repeated ?? [];
    expect(repeated.map((r) => [r.sections, r.tables])).toEqual([[["三"], ["table3"]]]);
  });

  it("reports the same statutory table twice in a row, but not a table split in two", () => {
    const twice = report("甲镇", {
      editTable3: (rows) => rows,
    }).replace(/(<w:tbl>(?:(?!<w:tbl>).)*?本年新收(?:(?!<w:tbl>).)*?<\/w:tbl>)/s, "$1$1");
    expect(segment(twice).reports[0]?.repeated.map((r) => r.tables)).toEqual([["table3"]]);

    const rows = table3Rows("2021");
    const split = report("甲镇").replace(
      /<w:tbl>(?:(?!<w:tbl>).)*?本年新收(?:(?!<w:tbl>).)*?<\/w:tbl>/s,
      table(rows.slice(0, 12), 10) + table(rows.slice(12), 10),
    );
    expect(segment(split).reports[0]?.repeated).toEqual([]);
  });

  it("takes a report pasted twice, title and figures alike, for one report repeated", () => {
    const result = segment(report("甲镇") + report("甲镇"));
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]?.repeated.length).toBeGreaterThan(0);
  });

  it("takes two reports under the same title with other figures for two reports", () => {
    const other = report("甲镇", {
      table3: { ...BALANCED_TABLE3, carried: [3, 0, 0, 0, 0, 0, 3] },
    });
    const result = segment(report("甲镇") + other);
    expect(result.reports).toHaveLength(2);
  });
});
