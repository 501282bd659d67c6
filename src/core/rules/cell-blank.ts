import { cellName } from "../formats/describe";
import type { DataCell } from "../recognize/model";
import { anchorsOf } from "./arithmetic";
import { tableLocation, type Rule, type RuleFinding } from "./types";

export const cellBlank: Rule = {
  meta: {
    id: "cell-blank",
    severity: "warning",
    category: "数据填写",
    description:
      "法定表格的数据单元格未填写（含“—”“/”“无”），按 0 参与计算；能由勾稽关系推出的，给出应填数值",
    basis: "国办公开办函〔2021〕30号 附件表格：各项数据应如实填报，无数据的填 0",
  },
  check(context) {
    const implied = new Map<DataCell, Set<number>>();
    for (const evaluation of context.evaluations) {
      if (!evaluation.implied) continue;
      const values = implied.get(evaluation.implied.cell) ?? new Set<number>();
      values.add(evaluation.implied.value);
      implied.set(evaluation.implied.cell, values);
    }
    const findings: RuleFinding[] = [];
    for (const table of Object.values(context.model.tables)) {
      for (const cell of table.cells.values()) {
        if (cell.value.kind !== "blank") continue;
        const values = [...(implied.get(cell) ?? [])];
        const name = cellName(context.model.spec, cell.key);
        const written = cell.text.trim() === "" ? "未填" : `填为“${cell.text.trim()}”`;
        const only = values.length === 1 ? values[0] : undefined;
        let message: string;
        if (only !== undefined) message = `${name}${written}；按勾稽关系应为 ${only}`;
        else if (values.length > 1)
          message = `${name}${written}；按不同勾稽关系应为 ${values.join(" 或 ")}，请核对`;
        else message = `${name}${written}，按 0 计算；无数据请填 0`;
        findings.push({
          message,
          location: tableLocation(cell.key),
          ...(only !== undefined && { expected: only }),
          anchors: anchorsOf([cell]),
        });
      }
    }
    return findings;
  },
};
