/**
 * Each rule's short Chinese name, as the reports' 规则名称 column and the pane's list of ignored
 * rules show it. A Record, so the compiler asks for a name when a rule is added.
 */
import type { RuleId } from "./types";

export const RULE_NAMES: Record<RuleId, string> = {
  "section-missing": "缺少法定部分",
  "section-order": "部分顺序不对",
  "section-title": "部分标题不规范",
  "table-missing": "缺少统计表",
  "table-structure": "表格行列与法定格式不符",
  "format-outdated": "报告格式与年度不符",
  "cell-blank": "单元格未填写",
  "cell-invalid": "数据填写不规范",
  "cell-note": "数字后附有说明",
  "table3-row-total": "表三申请人合计不符",
  "table3-results-total": "表三办理结果合计不符",
  "table3-balance": "表三收结数量不平衡",
  "table4-total": "表四复议诉讼合计不符",
  "text-table-mismatch": "正文数字与表格不符",
  "year-mismatch": "年度不一致",
  "period-invalid": "统计期限写法有误",
  "carryover-mismatch": "上年结转与上年报告不符",
  "inforce-rollforward": "现行有效件数与上年不衔接",
  "content-repeated": "内容重复",
  "basis-outdated": "引用已被取代的依据",
  "fee-statement-missing": "未说明信息处理费",
  "oversight-missing": "未报告考核评议追责情况",
  "problems-vague": "存在问题写得过简",
  "claim-contradiction": "正文说法与表格矛盾",
  "title-wording": "标题写法不规范",
  "report-date": "报告日期不合期限",
  "summary-length": "总体情况篇幅过长",
  "text-copied": "与上年报告文字雷同",
};
