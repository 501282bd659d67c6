import { checkReport, findingsOf } from "../../../test/support/check-helpers";
import { relabel, textOf, type RowSpec } from "../../../test/support/docx-builder";

describe("table-structure", () => {
  it("is silent for the statutory layout", () => {
    expect(findingsOf(checkReport(), "table-structure")).toEqual([]);
  });

  it("reports a missing row as an error and keeps checking the rest", () => {
    const drop = (rows: RowSpec[]) =>
      rows.filter((row) => !row.some((c) => textOf(c).startsWith("2.重复申请")));
    const result = checkReport({ editTable3: drop });
    const findings = findingsOf(result, "table-structure");
    expect(findings).toContainEqual(
      expect.objectContaining({
        severity: "error",
        location: { table: "table3", row: "notProcessed.2", column: null },
      }),
    );
    expect(findingsOf(result, "table3-balance")).toEqual([]);
  });

  it("reports a renamed row label as a warning", () => {
    const findings = findingsOf(
      checkReport({ editTable2: relabel("行政处罚", "行政处罚决定") }),
      "table-structure",
    );
    expect(findings.map((f) => [f.severity, f.location])).toEqual([
      ["warning", { table: "table2", row: "punishment", column: null }],
    ]);
  });

  it("reports an extra 小计 row and keeps it out of the arithmetic", () => {
    const addSubtotal = (rows: RowSpec[]) => {
      const at = rows.findIndex((row) =>
        row.some((c) => textOf(c) === "1.本机关不掌握相关政府信息"),
      );
      return [
        ...rows.slice(0, at),
        [
          { vMerge: "continue" as const },
          { text: "小计", span: 2 },
          "99",
          "0",
          "0",
          "0",
          "0",
          "0",
          "99",
        ],
        ...rows.slice(at),
      ];
    };
    const result = checkReport({ editTable3: addSubtotal });
    const findings = findingsOf(result, "table-structure");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("小计");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  describe("table 四's column heads", () => {
    /** Relabels the first head reading `from` (in 行政复议, the first group). */
    const relabelFirst =
      (from: string, to: string) =>
      (rows: RowSpec[]): RowSpec[] => {
        let done = false;
        return rows.map((row) =>
          row.map((cell) => {
            if (done || textOf(cell) !== from) return cell;
            done = true;
            return typeof cell === "string" ? to : { ...cell, text: to };
          }),
        );
      };

    it("says one head that differs as before, at its group and column", () => {
      const findings = findingsOf(
        checkReport({ editTable4: relabelFirst("结果纠正", "纠正") }),
        "table-structure",
      );
      expect(findings.map((f) => [f.severity, f.message, f.location])).toEqual([
        [
          "warning",
          "表四“行政复议”下的表头“纠正”与法定表头“结果纠正”不一致",
          { table: "table4", row: "review", column: "corrected" },
        ],
      ]);
    });

    it("lists several heads in one finding: once for every group, else per group", () => {
      const edit = (rows: RowSpec[]) =>
        relabel(
          "尚未审结",
          "尚未",
        )(relabelFirst("总计", "")(relabelFirst("结果纠正", "纠正")(rows)));
      const result = checkReport({ editTable4: edit });
      const findings = findingsOf(result, "table-structure");
      expect(findings.map((f) => [f.severity, f.message, f.location])).toEqual([
        [
          "warning",
          "表四有 5 处表头与法定表头不一致：“行政复议”下“纠正”应为“结果纠正”、缺少“总计”；各组“尚未”应为“尚未审结”",
          { table: "table4", row: null, column: null },
        ],
      ]);
      // Every head that is there is marked; the missing one has no cell to mark.
      expect(findings[0]?.anchors).toHaveLength(4);
      expect(findingsOf(result, "table4-total")).toEqual([]);
    });
  });
});
