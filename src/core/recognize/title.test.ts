import { readDocument } from "../ooxml/read-document";
import { recognize } from ".";
import { documentXml, heading, paragraph } from "../../../test/support/docx-builder";

const modelOf = (...parts: string[]) => recognize(readDocument(documentXml(parts.join(""))));

describe("title, unit, year and statistics period", () => {
  it("reads unit and year from a title with the year first", () => {
    const model = modelOf(
      paragraph("2021年苏溪镇政府信息公开工作年度报告", { align: "center" }),
      heading("一、总体情况"),
    );
    expect(model.title).toMatchObject({ unit: "苏溪镇", year: 2021, paragraphIndex: 0 });
    expect(model.year).toBe(2021);
  });

  it("takes the blank template's 「（单位名称）」 for no unit, not for a unit so named", () => {
    const model = modelOf(
      // As the template writes it: one paragraph, the unit line and the title line.
      paragraph("（单位名称）\n2021年政府信息公开工作年度报告", { align: "center" }),
      heading("一、总体情况"),
    );
    expect(model.title).toMatchObject({ unit: null, year: 2021 });
  });

  it("joins a title broken over two centred lines", () => {
    const model = modelOf(
      paragraph("相山区渠沟镇政府2021年政府信息公开", { align: "center" }),
      paragraph("工作年度报告", { align: "center" }),
      heading("一、总体情况"),
    );
    expect(model.title).toMatchObject({
      text: "相山区渠沟镇政府2021年政府信息公开工作年度报告",
      unit: "相山区渠沟镇政府",
      year: 2021,
    });
  });

  it("falls back to the statistics period for the year", () => {
    const model = modelOf(
      paragraph("政府信息公开工作年度报告"),
      paragraph("本报告中所列数据统计期限从2022年1月1日起到12月31日止。"),
      heading("一、总体情况"),
    );
    expect(model.title?.year).toBeNull();
    expect(model.period).toMatchObject({ startYear: 2022, endYear: null });
    expect(model.year).toBe(2022);
  });

  it("reads full-width digits in the period", () => {
    const model = modelOf(
      paragraph("本报告统计期限自２０２３年１月１日起至２０２３年１２月３１日止。"),
    );
    expect(model.period).toMatchObject({ startYear: 2023, endYear: 2023 });
  });

  it("reads the year of a period written without 年 and says what is wrong", () => {
    const model = modelOf(paragraph("本报告中所列数据的统计期限自20211月1日起至202112月31日止。"));
    expect(model.period).toMatchObject({ startYear: 2021, endYear: 2021 });
    expect(model.period?.problems.map((p) => p.kind)).toEqual(["year-mark", "year-mark"]);
  });

  it("gives no year for a year of three digits", () => {
    const model = modelOf(paragraph("统计期限自202年1月1日起至2021年12月31日止。"));
    expect(model.period).toMatchObject({ startYear: null, endYear: 2021 });
    expect(model.year).toBe(2021);
  });
});
