/** The demo page's own text. */
export const DEMO_STRINGS = {
  title: "年报校核 · 演示",
  banner:
    "演示：左侧是内置的样例报告（只在本页面中修改，不保存），右侧窗格的操作与在 Word 中相同。",
  darkTheme: "深色主题",
  documentLabel: "样例报告",
  demoLabel: "演示文档",
  comment: (author: string, text: string) => `批注（${author}）：${text}`,
} as const;
