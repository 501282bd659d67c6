/** The self-test's results as a Markdown table, for the user to copy and send back. */
import type { SelfTestReport } from "./runner";
import type { ProbeStatus } from "./types";

export const STATUS_TEXT: Record<ProbeStatus, string> = {
  passed: "通过",
  failed: "未通过",
  skipped: "跳过",
};

/** Keeps a value on one table row: no pipes, no line breaks. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");

export function reportMarkdown(report: SelfTestReport, when = new Date()): string {
  const { info, results } = report;
  const sets = info.apiSets.map((s) => `${s.name} ${s.supported ? "✓" : "✗"}`).join("，");
  const lines = [
    `### 年报校核 环境自检（${when.toISOString()}）`,
    "",
    "| 项目 | 结果 |",
    "| --- | --- |",
    `| 宿主 | ${cell(info.host)} |`,
    `| 版本 | ${cell(info.version)} |`,
    `| 引擎 | ${cell(info.engine || "未知")} |`,
    `| API 集 | ${cell(sets || "无")} |`,
    "",
    "| 检测项 | 结果 | 观察到的值 |",
    "| --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${cell(r.title)} | ${STATUS_TEXT[r.status]} | ${cell(r.observed)}${r.cleanup ? `；**${cell(r.cleanup)}**` : ""} |`,
    ),
  ];
  return lines.join("\n");
}
