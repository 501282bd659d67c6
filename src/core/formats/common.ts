/** Parts the 2019 trial format and the 2021 format share. */
import type { LabeledKey, SectionSpec, Table3Group, Table3Row, Table4Spec } from "./types";

export const SECTIONS: SectionSpec[] = [
  {
    id: "一",
    ordinal: 1,
    title: "总体情况",
    variants: ["总体概况", "基本情况"],
    keywords: [["总体"]],
  },
  {
    id: "二",
    ordinal: 2,
    title: "主动公开政府信息情况",
    variants: ["主动公开情况", "主动公开政府信息"],
    keywords: [["主动公开"]],
    table: "table2",
  },
  {
    id: "三",
    ordinal: 3,
    title: "收到和处理政府信息公开申请情况",
    variants: ["收到和处理申请情况", "收到和处理政府信息公开申请", "依申请公开政府信息情况"],
    keywords: [["申请", "处理"], ["申请", "收到"], ["依申请"]],
    table: "table3",
  },
  {
    id: "四",
    ordinal: 4,
    title: "政府信息公开行政复议、行政诉讼情况",
    variants: [
      "政府信息公开行政复议及行政诉讼情况",
      "政府信息公开行政复议和行政诉讼情况",
      "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
      "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
      "被申请行政复议、提起行政诉讼情况",
    ],
    keywords: [["复议"], ["诉讼"]],
    table: "table4",
  },
  {
    id: "五",
    ordinal: 5,
    title: "存在的主要问题及改进情况",
    variants: [
      "政府信息公开工作存在的主要问题及改进情况",
      "存在的主要问题和改进情况",
      "存在的主要问题及下步打算",
      "存在的主要问题及改进措施",
    ],
    keywords: [
      ["问题", "改进"],
      ["问题", "打算"],
      ["问题", "措施"],
      ["问题", "整改"],
    ],
  },
  {
    id: "六",
    ordinal: 6,
    title: "其他需要报告的事项",
    variants: ["其它需要报告的事项", "其他需要报告事项", "其它需要报告事项"],
    keywords: [
      ["其他", "报告"],
      ["其它", "报告"],
      ["其他", "事项"],
      ["其它", "事项"],
    ],
  },
];

export const TABLE3_COLUMNS: LabeledKey[] = [
  { key: "natural", label: "自然人" },
  { key: "commercial", label: "商业企业" },
  { key: "research", label: "科研机构" },
  { key: "social", label: "社会公益组织" },
  { key: "legal", label: "法律服务机构" },
  { key: "otherOrg", label: "其他" },
  { key: "total", label: "总计" },
];

export const TABLE3_APPLICANT_COLUMNS = TABLE3_COLUMNS.slice(0, 6).map((c) => c.key);

export const TABLE3_HEADERS = {
  cornerNote: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  applicantsHeader: "申请人情况",
  organizationsHeader: "法人或其他组织",
  resultsHeader: "三、本年度办理结果",
};

const row = (
  key: string,
  label: string,
  shortName: string,
  isResult: boolean,
  group?: string,
): Table3Row =>
  group === undefined
    ? { key, label, shortName, isResult }
    : { key, label, shortName, isResult, group };

export const TABLE3_ROWS_BEFORE_OTHER: Table3Row[] = [
  row("new", "一、本年新收政府信息公开申请数量", "一、本年新收", false),
  row("carried", "二、上年结转政府信息公开申请数量", "二、上年结转", false),
  row("granted", "（一）予以公开", "（一）予以公开", true),
  row(
    "partial",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（二）部分公开",
    true,
  ),
  ...[
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
  ].map((label, i) => row(`denied.${i + 1}`, label, `（三）不予公开 ${label}`, true, "denied")),
  ...["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"].map(
    (label, i) =>
      row(`unavailable.${i + 1}`, label, `（四）无法提供 ${label}`, true, "unavailable"),
  ),
  ...[
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
  ].map((label, i) =>
    row(`notProcessed.${i + 1}`, label, `（五）不予处理 ${label}`, true, "notProcessed"),
  ),
];

export const TABLE3_ROWS_AFTER_OTHER: Table3Row[] = [
  row("total", "（七）总计", "（七）总计", false),
  row("carryForward", "四、结转下年度继续办理", "四、结转下年度继续办理", false),
];

export const TABLE3_GROUPS_BEFORE_OTHER: Table3Group[] = [
  { key: "denied", label: "（三）不予公开", ordinal: 3 },
  { key: "unavailable", label: "（四）无法提供", ordinal: 4 },
  { key: "notProcessed", label: "（五）不予处理", ordinal: 5 },
];

export const TABLE3_OTHER_LABEL = "（六）其他处理";

export const TABLE4: Table4Spec = {
  reviewHeader: "行政复议",
  litigationHeader: "行政诉讼",
  groups: [
    { key: "review", label: "行政复议" },
    { key: "suitDirect", label: "未经复议直接起诉" },
    { key: "suitAfterReview", label: "复议后起诉" },
  ],
  columns: [
    { key: "upheld", label: "结果维持" },
    { key: "corrected", label: "结果纠正" },
    { key: "other", label: "其他结果" },
    { key: "pending", label: "尚未审结" },
    { key: "total", label: "总计" },
  ],
};
