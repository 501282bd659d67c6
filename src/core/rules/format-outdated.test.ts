import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("format-outdated", () => {
  it("is silent for a 2021-format report on 2023 and a trial-format report on 2020", () => {
    expect(findingsOf(checkReport({ format: "2021", year: 2023 }), "format-outdated")).toEqual([]);
    expect(findingsOf(checkReport({ format: "2019", year: 2020 }), "format-outdated")).toEqual([]);
  });

  it("warns when a 2022 report still uses the 2019 trial tables", () => {
    const result = checkReport({ format: "2019", year: 2022 });
    expect(result.format).toBe("2019");
    const findings = findingsOf(result, "format-outdated");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe("warning");
    expect(findings[0]?.message).toMatch(
      /^2022 年度报告应使用 2021 年新格式（国办公开办函〔2021〕30号），但表格用的是 2019 年试行格式（如“.+”），请按 2021 年新格式重新填报$/,
    );
  });

  it("warns the other way round too", () => {
    expect(findingsOf(checkReport({ format: "2021", year: 2020 }), "format-outdated")).toHaveLength(
      1,
    );
  });
});
