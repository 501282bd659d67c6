/** 国办公开办函〔2021〕30号: the format for reports on 2021 and later years. */
import {
  SECTIONS,
  TABLE3_COLUMNS,
  TABLE3_GROUPS_BEFORE_OTHER,
  TABLE3_HEADERS,
  TABLE3_OTHER_LABEL,
  TABLE3_ROWS_AFTER_OTHER,
  TABLE3_ROWS_BEFORE_OTHER,
  TABLE4,
} from "./common";
import type { ReportFormat } from "./types";

const decisions = { key: "decisions", label: "本年处理决定数量", kind: "count" } as const;

export const FORMAT_2021: ReportFormat = {
  id: "2021",
  name: "2021 年格式",
  basis: "国办公开办函〔2021〕30号",
  sections: SECTIONS,
  table2: {
    blocks: [
      {
        clause: "第二十条第（一）项",
        columns: [
          { key: "issued", label: "本年制发件数", kind: "count" },
          { key: "repealed", label: "本年废止件数", kind: "count" },
          { key: "inForce", label: "现行有效件数", kind: "count" },
        ],
        rows: [
          { key: "rules", label: "规章" },
          { key: "normativeDocs", label: "行政规范性文件", aliases: ["规范性文件"] },
        ],
      },
      {
        clause: "第二十条第（五）项",
        columns: [decisions],
        rows: [{ key: "licensing", label: "行政许可" }],
      },
      {
        clause: "第二十条第（六）项",
        columns: [decisions],
        rows: [
          { key: "punishment", label: "行政处罚" },
          { key: "enforcement", label: "行政强制" },
        ],
      },
      {
        clause: "第二十条第（八）项",
        columns: [
          {
            key: "amount",
            label: "本年收费金额（单位：万元）",
            kind: "amount",
            aliases: ["本年收费金额"],
          },
        ],
        rows: [{ key: "fees", label: "行政事业性收费" }],
      },
    ],
  },
  table3: {
    ...TABLE3_HEADERS,
    columns: TABLE3_COLUMNS,
    groups: [
      ...TABLE3_GROUPS_BEFORE_OTHER,
      { key: "other", label: TABLE3_OTHER_LABEL, ordinal: 6 },
    ],
    rows: [
      ...TABLE3_ROWS_BEFORE_OTHER,
      ...[
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
      ].map((label, i) => ({
        key: `other.${i + 1}`,
        label,
        shortName: `（六）其他处理 ${label.slice(0, 12)}${label.length > 12 ? "…" : ""}`,
        group: "other",
        isResult: true,
      })),
      ...TABLE3_ROWS_AFTER_OTHER,
    ],
  },
  table4: TABLE4,
};
