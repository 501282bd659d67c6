import { FORMATS, formatForYear } from "../formats";
import type { Rule } from "./types";

export const formatOutdated: Rule = {
  meta: {
    id: "format-outdated",
    severity: "warning",
    category: "结构",
    description:
      "2021 年及以后的报告应使用国办公开办函〔2021〕30号格式，2019、2020 年的报告使用〔2019〕60号试行格式",
    basis: "国办公开办函〔2021〕30号；国办公开办函〔2019〕60号",
  },
  check({ model }) {
    if (model.year === null || model.format === "unknown") return [];
    const due = formatForYear(model.year);
    if (model.format === due) return [];
    const seen = model.layoutEvidence[model.format]
      .slice(0, 3)
      .map((t) => `“${t}”`)
      .join("、");
    return [
      {
        message: `${model.year} 年度报告应使用${FORMATS[due].name}（${FORMATS[due].basis}），但表格使用的是${FORMATS[model.format].name}（如${seen}）`,
        location: {},
        anchors: [],
      },
    ];
  },
};
