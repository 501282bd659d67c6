import { check } from "../check/check";
import { readDocument } from "../ooxml/read-document";
import { buildTemplate } from "../template";
import { bodyXml } from "../template/wordml";
import {
  docx,
  documentXml,
  heading,
  statutoryReport,
  table,
  table3Rows,
} from "../../../test/support/docx-builder";
import { bodyOf } from "../../../test/support/body-of";

const checkBody = (body: string) => check(readDocument(docx(documentXml(body))));
const repeats = (body: string) =>
  checkBody(body).findings.filter((f) => f.rule === "content-repeated");

describe("content-repeated", () => {
  const report = bodyOf(statutoryReport({ unit: "甲镇" }));

  it("passes a report with each part once, and two reports with their own titles", () => {
    expect(repeats(report)).toEqual([]);
    expect(repeats(report + bodyOf(statutoryReport({ unit: "乙镇" })))).toEqual([]);
  });

  it("names a section that recurs, anchored on its second heading", () => {
    const at = report.lastIndexOf("<w:p>", report.indexOf("四、政府信息公开"));
    const again = heading("三、收到和处理政府信息公开申请情况") + table(table3Rows("2021"), 10);
    const body = report.slice(0, at) + again + report.slice(at);
    const [finding, ...rest] = repeats(body);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "warning",
      message: "第三部分“收到和处理政府信息公开申请情况”出现了两次，请删除多余的一份",
      location: { section: "三" },
      section: "三",
      report: 0,
    });
    const second = readDocument(docx(documentXml(body))).blocks.filter(
      (b) => b.kind === "paragraph" && b.text.startsWith("三、"),
    )[1];
    expect(finding?.anchors).toEqual([
      { kind: "paragraph", paragraphIndex: second?.kind === "paragraph" && second.paragraphIndex },
    ]);
  });

  it("gives one finding for a whole body pasted twice, and checks it as one report", () => {
    const body = report + report.slice(report.indexOf("</w:p>") + "</w:p>".length);
    const result = checkBody(body);
    expect(result.reports).toHaveLength(1);
    const found = result.findings.filter((f) => f.rule === "content-repeated");
    expect(found.map((f) => f.message)).toEqual([
      "报告正文（第一至第六部分及表二、表三、表四）出现了两次，重复的一份从“一、总体情况”起，可能是重复插入了模板或重复粘贴，请删除多余的内容",
    ]);
    expect(found[0]?.anchors).toHaveLength(6);
  });

  it("finds the blank template appended to a finished report (插入模板 pressed again)", () => {
    const template = bodyXml(buildTemplate({ format: "2021", year: 2023 }));
    const result = checkBody(report + template);
    expect(result.reports).toHaveLength(1);
    expect(result.findings.map((f) => f.rule)).toEqual(["content-repeated"]);
  });

  it("names a statutory table that appears twice in a row, anchored on the copy", () => {
    const body = report.replace(
      /(<w:tbl>(?:(?!<w:tbl>).)*?本年新收(?:(?!<w:tbl>).)*?<\/w:tbl>)/s,
      "$1$1",
    );
    const [finding] = repeats(body);
    expect(finding).toMatchObject({
      message: "表三（收到和处理政府信息公开申请情况）出现了两次，请删除多余的一份",
      location: { table: "table3" },
      anchors: [{ kind: "cell", tableIndex: 2, rowIndex: 0, cellIndex: 0 }],
    });
  });
});
