/** Every string the pane shows. Components take text from here, never from literals. */
import { SEVERITY_NAMES } from "../core";

export const STRINGS = {
  appName: "年报校核",
  privacy: "在本机检查，文档内容不会上传",
  help: "使用帮助",
  pickFile: "选择报告文件",
  pickHint: "也可将 Word 文档（.docx）拖到这里",
  dropHere: "松开鼠标即开始检查",
  pickedFile: (name: string) => `已检查：${name}`,
  noHost: "当前不在 Word 或 WPS 中：可在此选择报告文件检查，检查不会修改文件。",
  checking: "正在检查…",
  noFindings: "未发现问题",
  noneShown: "没有符合所选级别的问题。",
  readFailed: "无法读取该文件，请确认是 Word 文档（.docx）后重试。",
  summary: (parts: string[], errors: number, warnings: number, infos: number) =>
    [...parts, `错误 ${errors}`, `警告 ${warnings}`, `提示 ${infos}`].join(" · "),
  unknownYear: "未识别出年度",
  unknownUnit: "未识别出单位",
  yearLabel: (year: number) => `${year} 年度报告`,
  formatLabel: { "2021": "适用 2021 年新格式", "2019": "适用 2019 年试行格式" },
  reportCount: (count: number) => `本文档含 ${count} 份报告`,
  wholeDocument: "标题及全文",
  severity: SEVERITY_NAMES,
  counts: (errors: number, warnings: number, infos: number) =>
    `错误 ${errors} · 警告 ${warnings} · 提示 ${infos}`,
  filter: {
    label: "按级别显示",
    toggle: (label: string, count: number) => `${label} ${count}`,
  },
  group: {
    collapse: (title: string) => `收起“${title}”`,
    expand: (title: string) => `展开“${title}”`,
    hidden: (count: number) => `已收起 ${count} 项`,
  },
  cells: {
    label: "涉及的单元格：",
    marked: (cell: string) => `单元格：${cell}`,
    cell: (row: string, column: string) => `${row} · ${column}`,
    expected: (value: number) => `（应为 ${value}）`,
  },

  actions: {
    check: "检查文档",
    recheck: "重新检查",
    clear: "清除标记",
    insertTemplate: "插入模板",
    insertPart: "插入此部分",
    more: "更多操作",
    previous: "上一个",
    next: "下一个",
    jump: "定位",
    ignoreHere: "忽略此处",
    ignoreRule: "本文档不再提示此类问题",
    restore: "恢复",
  },
  shortcuts: { previous: "上一个（Alt+↑）", next: "下一个（Alt+↓）" },
  options: {
    shading: "用底色标出有问题的单元格",
    reviewer: "审阅模式：为每个问题添加批注",
  },
  stage: {
    reading: "正在读取文档…",
    checking: "正在检查并标记…",
    clearing: "正在清除标记…",
    inserting: "正在插入模板…",
    saving: "正在保存忽略设置…",
  },
  position: (index: number, total: number) => `第 ${index} 项，共 ${total} 项`,
  /** Said by the screen reader's status region. */
  announce: {
    checked: (errors: number, warnings: number) =>
      `检查完成：错误 ${errors} 项，警告 ${warnings} 项`,
  },
  /** A finding as a screen reader reads it: severity word, then section, then the message. */
  findingSection: (section: string) => `，${section}：`,
  findingsLabel: "检查结果",
  ignoredTitle: (count: number) => `已忽略 ${count} 项`,
  ignoredRule: (rule: string) => `此类问题均不提示：${rule}`,
  lapsed: (count: number) => `${count} 项已忽略的问题因数字已修改，重新列出。`,
  marked: (shaded: number, commented: number) =>
    shaded + commented === 0
      ? "未在文档中添加标记。"
      : `已在文档中标记 ${shaded} 个单元格${commented > 0 ? `、添加 ${commented} 条批注` : ""}；修改完成后可点“清除标记”恢复原样。`,
  cleared: (restored: number, comments: number) =>
    `已清除标记：恢复 ${restored} 个单元格${comments > 0 ? `，删除 ${comments} 条本工具的批注` : ""}。`,
  recolored: (count: number) => `${count} 个单元格在标记后被改了颜色，已保留您的颜色，未作改动。`,
  missingCells: (count: number) => `${count} 个标记过的单元格已不存在（表格已被修改），无需清除。`,
  /** Cells not marked, by why: the text differed, the cell was not found, the host refused. */
  notMarked: {
    "text-differs": (count: number) =>
      `${count} 个单元格的内容与检查时不同，未作标记；请重新检查。`,
    "not-found": (count: number) =>
      `${count} 个单元格已找不到（表格可能已被修改），未作标记；请重新检查。`,
    failed: (count: number) => `${count} 个单元格未能加底色（Word/WPS 未执行），未作标记。`,
  },
  notRestored: {
    "text-differs": (count: number) =>
      `${count} 个单元格的内容与读取时不同，未恢复原底色；标记记录已保留，可稍后再点“清除标记”。`,
    "not-found": (count: number) =>
      `${count} 个单元格已找不到，未恢复原底色；标记记录已保留，可稍后再点“清除标记”。`,
    failed: (count: number) =>
      `${count} 个单元格未能恢复原底色（Word/WPS 未执行）；标记记录已保留，可稍后再点“清除标记”。`,
  },
  uncertainMarks: (count: number) =>
    `${count} 个单元格仍是本工具的底色，但已无法确认是否为当初标记的单元格（表格已被修改），未作改动；标记记录已保留，请核对后手动恢复底色。`,
  partlyDone: (failure: string) => `${failure}已完成的部分已记录在文档中，可点“清除标记”恢复。`,
  unreadableMarks: (count: number, texts: string[]) =>
    `${count} 条标记记录无法读取，已跳过${texts.length > 0 ? `（单元格内容：${texts.join("、")}）` : ""}；这些单元格若仍有本工具的底色，请手动清除。`,
  newerLedger: {
    check:
      "此文档的标记由更新版本的年报校核写入：本次只列出问题，未在文档中作标记。请升级后再检查或清除标记。",
    clear: "此文档的标记由更新版本的年报校核写入，请升级后再清除；本次未作任何改动。",
  },
  trackingConfirm: {
    title: "此版本 Word 无法暂停修订",
    text: "如果文档开启了修订，标记底色和清除标记都会记为修订（可在“审阅”中拒绝）。是否继续？",
    proceed: "继续",
    checkOnly: "仅检查，不标记",
    cancel: "取消",
  },
  inserted: {
    cursor: "已在光标所在段落后插入。",
    "after-table": "光标在表格内，已插入到该表格之后。",
  },
  stale: "文档已改变，下方结果可能已过时，请重新检查。",
  moved: "找不到该处（文档可能已修改），请重新检查。",
  template: {
    title: "文档中已有年度报告",
    existing: "再插入完整模板，文档中会多出一份报告。",
    missing: "可以只插入缺少的部分（插在光标处）：",
    complete: "六个部分和三张表格都已齐全。",
    whole: (year: number) => `仍插入完整模板（${year} 年度）`,
    part: (title: string) => `插入“${title}”`,
    partOf: (unit: string, title: string) => `${unit}：插入“${title}”`,
    cancel: "取消",
  },
  noStorage:
    "此 Word 无法在文档中保存标记记录和忽略设置：请在关闭文档前清除标记；忽略设置仅本次有效。",
  noComments: "此版本不支持批注，审阅模式不可用。",
  failed: {
    title: "操作未完成",
    check: "检查未能完成。",
    clear: "清除标记未能完成。",
    insert: "插入模板未能完成。",
    jump: "无法定位到该处。",
    save: "忽略设置未能保存。",
    retry: "请重试；如反复出现，请保存文档后重新打开。",
  },
  dismiss: "关闭",
  unsupportedHost:
    "此版本 Word 过旧，无法在文档中检查（需要 Microsoft 365、Word 2021 或更高版本；Word 2016 批量许可版不支持）。请升级 Word 或改用 WPS 文字；也可在下方选择报告文件检查，或请技术人员用命令行 nianbao check 报告.docx --annotate 输出文件夹 生成标好问题的副本。",
  startup: {
    retry: "重试",
    /** Heads the part of a problem meant for whoever deployed the add-in, folded away. */
    forAdministrators: "给技术人员",
    /** Above the file check when the pane cannot reach the document. */
    savedFile: "选择报告文件检查时，检查的是文件中已保存的内容，不会修改文件。",
    officeMissing: {
      title: "无法加载 Office 运行库 office.js",
      cause:
        "年报校核正在 Word 中运行，但 Word 加载项必需的 office.js 没有加载成功，因此无法读取文档。最常见的原因是内网无法访问微软 CDN（appsforoffice.microsoft.com）。",
      fix: "请点“重试”；如仍不行，请把本提示转告负责安装本加载项的技术人员。现在也可以在下方选择已保存的报告文件检查。",
      detail:
        "按部署说明（docs/deployment.md）使用本地 office.js 副本重新构建并部署：npm run build:web -- --env officeJs=local --env url=部署地址。",
    },
    officeTimeout: (seconds: number) => ({
      title: "连接 Word 超时",
      cause: `office.js 已加载，但 Word 在 ${seconds} 秒内没有完成初始化。`,
      fix: "请点“重试”；如反复出现，请关闭窗格后重新打开，或重新启动 Word。现在也可以在下方选择已保存的报告文件检查。",
    }),
    wpsMissing: {
      title: "未能连接 WPS",
      cause:
        "这是年报校核的 WPS 加载项窗格，但页面中没有 WPS 提供的 Application 接口，因此无法读取文档。",
      fix: "请从 WPS 文字的“年报校核”选项卡打开窗格；如反复出现，请重新启动 WPS 或将 WPS 升级到最新版本。也可在下方选择报告文件检查。",
    },
  },
} as const;
