import { cellName } from "../formats/describe";
import { anchorsOf } from "./arithmetic";
import { tableLocation, type Rule, type RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

const REASONS = {
  negative: "不能为负数",
  fraction: "件数应为整数",
  text: "不是一个数字；表格内只填一个阿拉伯数字，无数据的填 0",
} as const;

export const cellInvalid: Rule<"cell-invalid"> = {
  meta: {
    id: "cell-invalid",
    severity: "error",
    name: "数据填写不规范",
    description: "数据单元格不是允许的数字：负数、件数带小数、填了文字，或一格里有两个数字",
    remedy: "请改正此格。",
    basis: `${FORMAT_2021_NOTICE}附件表二、表三、表四：各栏为件数或数量，表二收费一栏为“本年收费金额（单位：万元）”`,
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const table of Object.values(context.model.tables)) {
      for (const cell of table.cells.values()) {
        if (cell.value.kind !== "invalid") continue;
        findings.push({
          message: `${cellName(context.model.spec, cell.key)}填为“${cell.text.trim()}”，${REASONS[cell.value.reason]}`,
          location: tableLocation(cell.key),
          anchors: anchorsOf([cell]),
        });
      }
    }
    return findings;
  },
};
