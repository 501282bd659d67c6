import { readDocument } from "../ooxml/read-document";
import { recognize } from ".";
import { documentXml, heading, paragraph } from "../../../test/support/docx-builder";

const sectionsOf = (body: string) =>
  recognize(readDocument(documentXml(body))).sections.map((s) => [s.id, s.quality]);

describe("finding the six sections", () => {
  it("finds headings whether styled or plain paragraphs", () => {
    expect(sectionsOf(heading("一、总体情况") + paragraph("二、主动公开政府信息情况"))).toEqual([
      ["一", "exact"],
      ["二", "exact"],
    ]);
  });

  it.each([
    "三、收到和处理政府信息公开申请情况",
    "三.收到和处理政府信息公开申请情况",
    "三，收到和处理政府信息公开申请情况",
    "三,收到和处理政府信息公开申请情况",
    "三、 收到和处理政府信息公开申请情况。",
    "三．收到和处理政府信息公开申请情况",
  ])("accepts the numbering in %s", (text) => {
    expect(sectionsOf(paragraph(text))).toEqual([["三", "exact"]]);
  });

  it("accepts an unnumbered statutory title styled as a heading", () => {
    expect(sectionsOf(heading("其他需要报告的事项"))).toEqual([["六", "exact"]]);
  });

  it("accepts listed variants and titles recognized by their words", () => {
    expect(
      sectionsOf(
        paragraph("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况") +
          paragraph("五、存在问题及整改措施"),
      ),
    ).toEqual([
      ["四", "variant"],
      ["五", "loose"],
    ]);
  });

  it("does not take prose, or sub-headings （一）…, for sections", () => {
    const intro = "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等内容。";
    expect(
      sectionsOf(
        paragraph(intro) +
          heading("（一）主动公开", 2) +
          paragraph("主动公开政府信息情况良好，全年发布信息120条。"),
      ),
    ).toEqual([]);
  });

  it("prefers the statutory heading over an earlier loose match", () => {
    const body =
      heading("一、总体情况") +
      heading("二、主动公开情况概述") +
      heading("二、主动公开政府信息情况");
    const sections = recognize(readDocument(documentXml(body))).sections;
    expect(sections.find((s) => s.id === "二")).toMatchObject({
      quality: "exact",
      paragraphIndex: 2,
    });
  });
});
