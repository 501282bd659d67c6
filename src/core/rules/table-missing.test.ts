import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("table-missing", () => {
  it("is silent when tables 二, 三 and 四 are all found", () => {
    expect(findingsOf(checkReport(), "table-missing")).toEqual([]);
  });

  it.each(["table2", "table3", "table4"] as const)("reports %s when it is missing", (id) => {
    const findings = findingsOf(checkReport({ omitTables: [id] }), "table-missing");
    expect(findings.map((f) => f.location)).toEqual([{ table: id }]);
    expect(findings[0]?.severity).toBe("error");
  });

  it("names the section that should hold the table", () => {
    const findings = findingsOf(checkReport({ omitTables: ["table2"] }), "table-missing");
    expect(findings[0]?.message).toBe(
      "“二、主动公开政府信息情况”下缺少表二（主动公开政府信息情况）",
    );
  });
});
