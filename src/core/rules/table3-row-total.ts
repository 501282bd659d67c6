import { failedRowTotals } from "./arithmetic";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const table3RowTotal: Rule<"table3-row-total"> = {
  meta: {
    id: "table3-row-total",
    severity: "error",
    name: "表三申请人合计不符",
    description:
      "表三每一行的“总计”应等于六类申请人（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）之和",
    remedy: "请核对本行各类申请人的数字与总计，改正有误的一处。",
    basis: `${FORMAT_2021_NOTICE}附件表三：申请人情况分“自然人”“法人或其他组织”（商业企业、科研机构、社会公益组织、法律服务机构、其他）和“总计”`,
  },
  check(context) {
    return failedRowTotals(context, "table3-row-total");
  },
};
