import { columnName, rowName } from "../formats/describe";
import { difference, failedRelations } from "./arithmetic";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const table3ResultsTotal: Rule<"table3-results-total"> = {
  meta: {
    id: "table3-results-total",
    severity: "error",
    name: "表三办理结果合计不符",
    description: "表三“（七）总计”应等于“三、本年度办理结果”（一）至（六）各项之和，逐列核对",
    remedy: "请核对本列各项办理结果与（七）总计，改正有误的一处。",
    basis: `${FORMAT_2021_NOTICE}附件表三：“三、本年度办理结果”下“（一）予以公开”至“（六）其他处理”各项与“（七）总计”`,
  },
  check(context) {
    const format = context.model.spec;
    return failedRelations(context, "table3-results-total", (e) => {
      const parts = e.expectedCells.filter((c) => c.value.kind === "number" && c.value.value !== 0);
      const terms = parts.length
        ? `办理结果${parts.map((c) => `${rowName(format, "table3", c.key.row)} ${c.value.kind === "number" ? c.value.value : 0}`).join(" + ")} = ${e.expectedSum}`
        : "办理结果各项均为 0";
      return `${columnName(format, "table3", e.relation.location.column)}：${terms}，但（七）总计为 ${e.actualSum}，${difference(e)}`;
    });
  },
};
