import { cellName } from "../formats/describe";
import { anchorsOf } from "./arithmetic";
import { tableLocation, type Rule, type RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const cellNote: Rule<"cell-note"> = {
  meta: {
    id: "cell-note",
    severity: "warning",
    name: "数字后附有说明",
    description:
      "数据单元格在数字后加了括号说明（如“22（其中修订16件）”）：按括号前的数字计算，说明文字应写在正文中",
    remedy: "请只在表格内填数字，括号中的说明移到正文。",
    basis: `${FORMAT_2021_NOTICE}附件表二、表三、表四各栏填报数字；需要说明的情况写入正文是通行做法`,
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const table of Object.values(context.model.tables)) {
      for (const cell of table.cells.values()) {
        if (cell.value.kind !== "number" || cell.value.note === undefined) continue;
        findings.push({
          message:
            `${cellName(context.model.spec, cell.key)}填为“${cell.text.trim()}”，已按 ${cell.value.value} 计算；` +
            `表格内只填数字，括号中的说明“${cell.value.note}”请写入正文`,
          location: tableLocation(cell.key),
          actual: cell.value.value,
          anchors: anchorsOf([cell]),
        });
      }
    }
    return findings;
  },
};
