import { FORMATS, formatForYear, type FormatId } from "../formats";
import type { Rule } from "./types";
import { FORMAT_2019_NOTICE, FORMAT_2021_NOTICE } from "./basis";

/** As a clerk knows them: the current format is the 新格式, the 2019 one the 试行格式. */
const FORMAT_WORDS: Record<FormatId, string> = {
  "2021": "2021 年新格式",
  "2019": "2019 年试行格式",
};

export const formatOutdated: Rule<"format-outdated"> = {
  meta: {
    id: "format-outdated",
    severity: "warning",
    name: "报告格式与年度不符",
    description:
      "2021 年及以后的年度报告应使用 2021 年新格式（国办公开办函〔2021〕30号），2019、2020 年的使用 2019 年试行格式（国办公开办函〔2019〕60号）",
    remedy: "请改用该年度适用的表格格式填写。",
    basis: `${FORMAT_2021_NOTICE}；${FORMAT_2019_NOTICE}`,
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
        message: `${model.year} 年度报告应使用 ${FORMAT_WORDS[due]}（${FORMATS[due].basis}），但表格用的是 ${FORMAT_WORDS[model.format]}（如${seen}），请按 ${FORMAT_WORDS[due]}重新填报`,
        location: {},
        anchors: [],
      },
    ];
  },
};
