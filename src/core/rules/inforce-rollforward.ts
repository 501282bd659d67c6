import { cellId } from "../formats/relations";
import { rowName } from "../formats/describe";
import type { DataCell, ReportModel } from "../recognize/model";
import { anchorsOf } from "./arithmetic";
import { lastYear, type Rule, type RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

const ROWS = ["rules", "normativeDocs"] as const;

export const inforceRollforward: Rule<"inforce-rollforward"> = {
  meta: {
    id: "inforce-rollforward",
    severity: "warning",
    name: "现行有效件数与上年不衔接",
    description:
      "表二现行有效件数通常等于上年现行有效件数 + 本年制发件数 − 本年废止件数（需提供上年报告；修订、清理或机构改革可使其合理不等）",
    remedy: "请核对现行有效件数；如因修订、清理等原因，请在正文说明。",
    basis: `${FORMAT_2021_NOTICE}附件表二“第二十条第（一）项”：“本年制发件数”“本年废止件数”“现行有效件数”`,
  },
  check(context) {
    const { model } = context;
    const previous = lastYear(context);
    if (!previous || model.format !== "2021" || previous.format !== "2021") return [];
    const findings: RuleFinding[] = [];
    for (const row of ROWS) {
      const now = figure(model, row, "inForce");
      const before = figure(previous, row, "inForce");
      const issued = figure(model, row, "issued");
      const repealed = figure(model, row, "repealed");
      if (!now || !before || !issued || !repealed) continue;
      const expected = before.value + issued.value - repealed.value;
      if (expected === now.value) continue;
      findings.push({
        message:
          `${rowName(model.spec, "table2", row)}：上年现行有效 ${before.value} + 本年制发 ${issued.value} − 本年废止 ${repealed.value} = ${expected}，` +
          `但本年现行有效为 ${now.value}，相差 ${Math.abs(expected - now.value)}；如因修订、清理等原因，请在正文说明`,
        location: { table: "table2", row, column: "inForce" },
        expected,
        actual: now.value,
        anchors: anchorsOf([now.cell, issued.cell, repealed.cell]),
      });
    }
    return findings;
  },
};

function figure(
  model: ReportModel,
  row: string,
  column: string,
): { value: number; cell: DataCell } | null {
  const cell = model.tables.table2?.cells.get(cellId({ table: "table2", row, column }));
  return cell?.value.kind === "number" ? { value: cell.value.value, cell } : null;
}
