import { checkReport } from "../support/check-helpers";

describe("the statutory report builder used by the tests", () => {
  it.each(["2021", "2019"] as const)("builds a %s report with no findings at all", (format) => {
    const result = checkReport({ format });
    expect(result.format).toBe(format);
    expect(result.findings).toEqual([]);
  });
});
