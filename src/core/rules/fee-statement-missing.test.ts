import { BALANCED_TABLE3, TABLE3_UNPAID_FEE } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const fees = (六: string[], table3 = BALANCED_TABLE3, year = 2023) =>
  findingsOf(checkReport({ year, table3, sectionText: { 六 } }), "fee-statement-missing");

describe("fee-statement-missing", () => {
  it.each([
    "本年度未收取信息处理费。",
    "本机关本年度没有发出收费通知，也未收取任何费用。",
    "按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未产生信息公开处理费。",
    "2023年发出收费通知书2份，实际收取信息处理费300元。",
  ])("accepts 六 saying %s", (text) => {
    expect(fees(["本年度无其他需要报告的事项。", text])).toEqual([]);
  });

  it("warns when 六 says nothing about the fees, marking its heading", () => {
    const findings = fees(["本年度无其他需要报告的事项。"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", location: { section: "六" } });
    expect(findings[0]?.anchors[0]?.kind).toBe("paragraph");
    expect(findings[0]?.message).toContain("本年度未收取信息处理费");
  });

  it("names the fee notices of table 三 （六）2 and marks that cell", () => {
    const [finding] = fees(["无。"], TABLE3_UNPAID_FEE);
    expect(finding?.message).toContain("为 1 件");
    expect(finding?.anchors.map((a) => a.kind)).toEqual(["paragraph", "cell", "cell"]);
  });

  it("accepts the fees reported elsewhere in the report", () => {
    const result = checkReport({
      prose: [
        "本机关认真贯彻落实《条例》，纳入绩效考核，开展社会评议，未发生责任追究情况。本年度未收取信息处理费。",
      ],
      sectionText: { 六: ["无。"] },
    });
    expect(findingsOf(result, "fee-statement-missing")).toEqual([]);
  });

  it("does not ask it of the 2019 trial format, nor of an unwritten 六", () => {
    expect(
      findingsOf(
        checkReport({ format: "2019", year: 2020, sectionText: { 六: ["无。"] } }),
        "fee-statement-missing",
      ),
    ).toEqual([]);
    expect(fees(["（文字描述：收取信息处理费情况在此处报告。）"])).toEqual([]);
  });
});
