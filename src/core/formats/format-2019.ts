/** 国办公开办函〔2019〕60号: the trial format, for reports on 2019 and 2020. */
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
import type { ReportFormat, Table2Column } from "./types";

const serviceColumns: Table2Column[] = [
  { key: "lastYearItems", label: "上一年项目数量", kind: "count" },
  { key: "change", label: "本年增/减", kind: "signed" },
  { key: "decisions", label: "处理决定数量", kind: "count" },
];

export const FORMAT_2019: ReportFormat = {
  id: "2019",
  name: "2019 年试行格式",
  basis: "国办公开办函〔2019〕60号",
  sections: SECTIONS,
  table2: {
    blocks: [
      {
        clause: "第二十条第（一）项",
        columns: [
          { key: "newlyMade", label: "本年新制作数量", kind: "count" },
          { key: "newlyPublished", label: "本年新公开数量", kind: "count" },
          { key: "publishedTotal", label: "对外公开总数量", kind: "count" },
        ],
        rows: [
          { key: "rules", label: "规章" },
          { key: "normativeDocs", label: "规范性文件", aliases: ["行政规范性文件"] },
        ],
      },
      {
        clause: "第二十条第（五）项",
        columns: serviceColumns,
        rows: [
          { key: "licensing", label: "行政许可" },
          { key: "otherServices", label: "其他对外管理服务事项" },
        ],
      },
      {
        clause: "第二十条第（六）项",
        columns: serviceColumns,
        rows: [
          { key: "punishment", label: "行政处罚" },
          { key: "enforcement", label: "行政强制" },
        ],
      },
      {
        clause: "第二十条第（八）项",
        columns: serviceColumns.slice(0, 2),
        rows: [{ key: "fees", label: "行政事业性收费" }],
      },
      {
        clause: "第二十条第（九）项",
        columns: [
          { key: "procurementItems", label: "采购项目数量", kind: "count" },
          { key: "procurementAmount", label: "采购总金额", kind: "amount" },
        ],
        rows: [{ key: "procurement", label: "政府集中采购" }],
      },
    ],
  },
  table3: {
    ...TABLE3_HEADERS,
    columns: TABLE3_COLUMNS,
    groups: TABLE3_GROUPS_BEFORE_OTHER,
    rows: [
      ...TABLE3_ROWS_BEFORE_OTHER,
      { key: "other", label: TABLE3_OTHER_LABEL, shortName: TABLE3_OTHER_LABEL, isResult: true },
      ...TABLE3_ROWS_AFTER_OTHER,
    ],
  },
  table4: TABLE4,
};
