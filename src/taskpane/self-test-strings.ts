/** The text of the self-test view: a catalog of its own, beside strings.ts. */
export const SELF_TEST_STRINGS = {
  open: "环境自检",
  title: "环境自检",
  intro:
    "逐项检测本加载项依赖的 Word / WPS 功能：合并单元格的读取与寻址、底纹、批注、文档内数据、插入模板、撤销与换行符。结果可复制后发回给开发者。",
  edits:
    "自检会临时修改文档：在文末插入小表格和段落，每项检测后立即删除，不保存文档。请最好在空白文档中运行；运行期间请勿编辑文档。",
  wordBlank: "Word 的接口不能新建文档供检测，请先新建一个空白文档，在其中打开本窗格再运行。",
  run: "开始自检",
  runNewDocument: "在新文档中运行",
  newDocumentNote: "在新文档中运行：WPS 新建一个文档进行检测，结束后不保存关闭。",
  back: "返回",
  running: (index: number) => `正在检测第 ${index} 项…`,
  starting: "正在读取宿主信息…",
  done: (passed: number, failed: number, skipped: number) =>
    `检测完成：通过 ${passed} 项，未通过 ${failed} 项，跳过 ${skipped} 项。`,
  failed: (message: string) => `自检未能完成：${message}`,
  cleanupFailed:
    "有临时内容未能删除（见下表加粗处）。请检查文档末尾并删除含“年报校核自检”字样的表格和段落，或按 Ctrl+Z 撤销。",
  unavailable: "未在 Word 或 WPS 中运行，没有可检测的宿主。",
  copy: "复制结果",
  copied: "已复制到剪贴板。",
  copyManually: "无法直接写入剪贴板：下面的文本已全选，请按 Ctrl+C 复制。",
  copyLabel: "自检结果（Markdown 表格）",
  info: { host: "宿主", version: "版本", engine: "引擎", apiSets: "API 集" },
  none: "无",
  apiSets: (sets: { name: string; supported: boolean }[]) =>
    sets.map((s) => `${s.name} ${s.supported ? "✓" : "✗"}`).join("，"),
  columns: { probe: "检测项", status: "结果", observed: "观察到的值" },
} as const;
