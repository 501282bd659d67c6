import { readDocument } from "../ooxml/read-document";
import { statutoryReport } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const lastYear = readDocument(
  statutoryReport({ year: 2022, table2: { rules: [0, 0, 2], normativeDocs: [5, 1, 40] } }),
);

describe("inforce-rollforward", () => {
  it("does nothing without last year's report", () => {
    expect(
      findingsOf(checkReport({ table2: { rules: [0, 0, 9] } }), "inforce-rollforward"),
    ).toEqual([]);
  });

  it("is silent when 现行有效 rolls forward", () => {
    const result = checkReport(
      { table2: { rules: [1, 0, 3], normativeDocs: [6, 2, 44] } },
      { previous: lastYear },
    );
    expect(findingsOf(result, "inforce-rollforward")).toEqual([]);
  });

  it("warns when it does not, with the equation", () => {
    const result = checkReport(
      { table2: { rules: [1, 0, 3], normativeDocs: [6, 2, 50] } },
      { previous: lastYear },
    );
    const findings = findingsOf(result, "inforce-rollforward");
    expect(findings.map((f) => [f.severity, f.location, f.expected, f.actual])).toEqual([
      ["warning", { table: "table2", row: "normativeDocs", column: "inForce" }, 44, 50],
    ]);
    expect(findings[0]?.message).toContain(
      "上年现行有效 40 + 本年制发 6 − 本年废止 2 = 44，但本年现行有效为 50，相差 6",
    );
  });

  it("does not compare across the 2019 and 2021 layouts", () => {
    const trial = readDocument(statutoryReport({ format: "2019", year: 2020 }));
    expect(
      findingsOf(checkReport({ year: 2021 }, { previous: trial }), "inforce-rollforward"),
    ).toEqual([]);
  });
});
