import { cellId } from "../formats/relations";
import { columnName } from "../formats/describe";
import { anchorsOf } from "./arithmetic";
import { lastYear, type Rule, type RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const carryoverMismatch: Rule<"carryover-mismatch"> = {
  meta: {
    id: "carryover-mismatch",
    severity: "warning",
    name: "上年结转与上年报告不符",
    description: "本年“二、上年结转”应等于上一年度报告的“四、结转下年度继续办理”（需提供上年报告）",
    remedy: "请与上年报告核对后改正。",
    basis: `${FORMAT_2021_NOTICE}附件表三：本年“二、上年结转政府信息公开申请数量”即上年“四、结转下年度继续办理”的申请`,
  },
  check(context) {
    const { model } = context;
    const current = model.tables.table3;
    const last = lastYear(context)?.tables.table3;
    if (!current || !last) return [];
    const findings: RuleFinding[] = [];
    for (const { key: column } of model.spec.table3.columns) {
      const carried = current.cells.get(cellId({ table: "table3", row: "carried", column }));
      const forward = last.cells.get(cellId({ table: "table3", row: "carryForward", column }));
      if (carried?.value.kind !== "number" || forward?.value.kind !== "number") continue;
      if (carried.value.value === forward.value.value) continue;
      findings.push({
        message:
          `${columnName(model.spec, "table3", column)}：本年“上年结转”为 ${carried.value.value}，` +
          `上年报告“结转下年度继续办理”为 ${forward.value.value}，相差 ${Math.abs(carried.value.value - forward.value.value)}；两者应相等`,
        location: { table: "table3", row: "carried", column },
        expected: forward.value.value,
        actual: carried.value.value,
        anchors: anchorsOf([carried]),
      });
    }
    return findings;
  },
};
