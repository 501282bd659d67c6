/** Every string the pane shows. Components take text from here, never from literals. */
export const STRINGS = {
  appName: "年报校核",
  privacy: "本地检查，文档内容不上传",
  pickFile: "选择 .docx 文件",
  checking: "正在检查…",
  noFindings: "未发现问题",
  readFailed: "无法读取该文件",
  summary: (parts: string[], errors: number, warnings: number, infos: number) =>
    [...parts, `错误 ${errors}`, `警告 ${warnings}`, `提示 ${infos}`].join(" · "),
  unknownYear: "年度未识别",
  yearLabel: (year: number) => `${year} 年度报告`,
  wholeDocument: "全文",
  severity: { error: "错误", warning: "警告", info: "提示" },
} as const;
