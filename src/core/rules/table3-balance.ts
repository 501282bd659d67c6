import { columnName } from "../formats/describe";
import { difference, failedRelations, figure } from "./arithmetic";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const table3Balance: Rule<"table3-balance"> = {
  meta: {
    id: "table3-balance",
    severity: "error",
    name: "表三收结数量不平衡",
    description: "表三每一列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
    remedy: "请核对本列本年新收、上年结转、总计和结转下年度的数字。",
    basis: `${FORMAT_2021_NOTICE}附件表三表头注：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”`,
  },
  check(context) {
    const format = context.model.spec;
    return failedRelations(context, "table3-balance", (e) => {
      const [fresh, carried] = e.expectedCells;
      const [total, forward] = e.actualCells;
      if (!fresh || !carried || !total || !forward) return "";
      return (
        `${columnName(format, "table3", e.relation.location.column)}：本年新收 ${figure(fresh)} + 上年结转 ${figure(carried)} = ${e.expectedSum}，` +
        `但（七）总计 ${figure(total)} + 结转下年度 ${figure(forward)} = ${e.actualSum}，${difference(e)}`
      );
    });
  },
};
