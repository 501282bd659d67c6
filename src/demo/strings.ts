/** The demo page's own text. */
export const DEMO_STRINGS = {
  title: "年报校核 · 演示",
  banner: "演示：右侧窗格对左侧文档（内置样例，保存在浏览器内存中）操作，与在 Word 中相同。",
  documentLabel: "文档",
  comment: (author: string, text: string) => `批注（${author}）：${text}`,
} as const;
