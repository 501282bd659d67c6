import { failedRowTotals } from "./arithmetic";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const table4Total: Rule<"table4-total"> = {
  meta: {
    id: "table4-total",
    severity: "error",
    name: "表四复议诉讼合计不符",
    description:
      "表四每组（行政复议、未经复议直接起诉、复议后起诉）的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和",
    remedy: "请核对该组各项结果的数字与总计，改正有误的一处。",
    basis: `${FORMAT_2021_NOTICE}附件表四：“行政复议”“未经复议直接起诉”“复议后起诉”各分“结果维持”“结果纠正”“其他结果”“尚未审结”“总计”`,
  },
  check(context) {
    return failedRowTotals(context, "table4-total");
  },
};
