import { TABLE_NAMES } from "../formats/describe";
import type { TableId } from "../formats/types";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const tableMissing: Rule<"table-missing"> = {
  meta: {
    id: "table-missing",
    severity: "error",
    name: "缺少统计表",
    description: "找不到法定统计表（表二、表三或表四）",
    remedy: "请按法定格式补上此表。",
    basis: `${FORMAT_2021_NOTICE}附件：“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”以表格填报`,
  },
  check({ model }) {
    return (["table2", "table3", "table4"] as TableId[])
      .filter((id) => !model.tables[id])
      .map((id) => {
        const section = model.sections.find(
          (s) => model.spec.sections.find((spec) => spec.id === s.id)?.table === id,
        );
        return {
          message: `${section ? `“${section.text}”下` : ""}缺少${TABLE_NAMES[id]}`,
          location: { table: id },
          anchors: section
            ? [{ kind: "paragraph" as const, paragraphIndex: section.paragraphIndex }]
            : [],
        };
      });
  },
};
