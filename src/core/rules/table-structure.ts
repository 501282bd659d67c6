import type { Rule } from "./types";
import { cellAnchor, type Anchor } from "./types";

export const tableStructure: Rule = {
  meta: {
    id: "table-structure",
    severity: "warning",
    category: "结构",
    description: "表格的行、列缺失、多出、改名或顺序不对（缺失为错误，其余为警告）",
    basis: "国办公开办函〔2021〕30号 附件表格：严禁擅自删减报告事项",
  },
  check({ model }) {
    return Object.values(model.tables).flatMap((table) =>
      table.issues.map((issue) => {
        const anchor = issue.anchor ? cellAnchor(issue.anchor) : null;
        return {
          severity: issue.severity,
          message: issue.message,
          location: { table: issue.table, row: issue.row, column: issue.column },
          anchors: anchor ? [anchor as Anchor] : [],
        };
      }),
    );
  },
};
