import { readDocument } from "../ooxml/read-document";
import { BALANCED_TABLE3, statutoryReport } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const lastYear = (carryForward: number[], year = 2022) =>
  readDocument(
    statutoryReport({
      year,
      table3: {
        ...BALANCED_TABLE3,
        carryForward,
        total: [14, 1, 0, 0, 0, 0, 15],
        carried: [0, 0, 0, 0, 0, 0, 0],
      },
    }),
  );

describe("carryover-mismatch", () => {
  it("does nothing without last year's report", () => {
    expect(findingsOf(checkReport(), "carryover-mismatch")).toEqual([]);
  });

  it("is silent when 上年结转 equals last year's 结转下年度继续办理", () => {
    const result = checkReport({}, { previous: lastYear([2, 0, 0, 0, 0, 0, 2]) });
    expect(findingsOf(result, "carryover-mismatch")).toEqual([]);
  });

  it("reports each column that does not carry over", () => {
    const result = checkReport({}, { previous: lastYear([3, 0, 0, 0, 0, 0, 3]) });
    const findings = findingsOf(result, "carryover-mismatch");
    expect(findings.map((f) => f.location)).toEqual([
      { table: "table3", row: "carried", column: "natural" },
      { table: "table3", row: "carried", column: "total" },
    ]);
    expect(findings[0]).toMatchObject({ severity: "warning", expected: 3, actual: 2 });
  });

  it("compares only with the year just before: another year's figures do not carry over", () => {
    const twoYearsBefore = lastYear([3, 0, 0, 0, 0, 0, 3], 2021);
    expect(findingsOf(checkReport({}, { previous: twoYearsBefore }), "carryover-mismatch")).toEqual(
      [],
    );
  });
});
