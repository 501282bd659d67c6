/**
 * Every word the command line says (help, errors, confirmations), in one place, so that it is
 * reviewed as a whole and reads the way a 政务公开 clerk speaks. The words of the reports
 * (text, CSV, HTML) are in report-strings.ts.
 */

export const PROGRAM = "nianbao";
/** Before every message on stderr, so a script's log says which program spoke. */
export const PREFIX = `${PROGRAM}：`;

export const HELP = {
  program: "年报校核：检查政府信息公开工作年度报告的章节、统计表、勾稽关系和数据填写",
  version: "显示版本号",
  versionLine: (version: string) => `年报校核 ${version}`,
  help: "显示帮助",
  helpCommand: "显示某个命令的帮助",
  helpCommandArgument: "[命令]",
  debug: "出错时显示技术细节（供技术人员排查问题）",
  titles: {
    usage: "用法：",
    arguments: "参数：",
    options: "选项：",
    globalOptions: "通用选项：",
    commands: "命令：",
  },
  optionsPlaceholder: "[选项]",
  commandPlaceholder: "[命令]",
  choices: (values: string[]) => `可选：${values.join("、")}`,
  default: (value: string) => `默认：${value}`,
  check: {
    description:
      "检查一个或多个年度报告。给出文件夹时查找其中（含下级文件夹）全部 .docx 文件逐一检查；其他文件列为“未检查”并说明原因",
    summary: "检查年度报告（.docx 文件或文件夹）",
    argument: "<文件或文件夹...>",
    argumentDescription: "要检查的 .docx 文件，或存放报告的文件夹",
    format:
      "校核结果的输出形式：text 直接显示，json 供其他程序读取，csv 用 Excel/WPS 表格打开，html 网页，xlsx 整改台账（需 -o）",
    output: "把校核结果保存到文件，不在屏幕上显示",
    jobs: "同时检查的文件数（默认等于本机 CPU 核数）",
    previous:
      "上年度报告：一个文件，或按单位名称自动对应的文件夹（用于核对上年结转、现行有效件数）",
    annotate: "为每个报告生成一份带底色标记和批注的副本，存入此文件夹（原文件不改动）",
    rule: "关闭某条规则或改变其严重程度，写作“规则编号=设置”，如“report-date=off”；设置可为“off”（关闭）、“error”（错误）、“warning”（警告）、“info”（提示）；可多次使用",
    config:
      "读取配置文件（格式见“schema/nianbao-config.schema.json”，示例见“examples/nianbao-config.json”），按本地要求开关规则、改变严重程度、设置字数下限等；与 --rule 同时使用时以 --rule 为准",
    baseline:
      "上一轮的校核结果（本工具用 -f json 保存的文件）：逐项标出新发现、未改正的问题，列出已改正的问题",
    similarityThreshold:
      "文字重复率超过多少时提示（0 到 1 之间，默认 0.5）：用于与上年报告比较（--previous）和单位之间比较",
    crossSimilarity: "比较本次各单位报告的正文，列出文字重复率超过阈值的两两单位（跨单位雷同）",
  },
  template: {
    description: "生成空白的法定格式年度报告模板（.docx）",
    year: "报告年度，2019 年度及以后（默认上一年度）",
    unit: "单位名称，写入标题",
    format: "年报格式：2021 为 2021 年新格式，2019 为 2019 年试行格式（2019、2020 年度适用）",
    zeros: "数据单元格填 0（默认留空）",
    part: "只生成一个部分（一…六）或一张表（table2、table3、table4）",
    output: "保存为此文件（默认按单位和年度命名）",
    force: "覆盖本工具生成、尚未被编辑保存过的模板（已有的 Word/WPS 文档从不覆盖）",
  },
  /** The exit codes, shown after the help of the program and of `check`. */
  exitCodes: [
    "退出码：",
    "  0  检查完毕，未发现错误（可能有警告或提示）",
    "  1  发现错误（即使另有文件无法读取，也以此为准）",
    "  2  参数有误，或没有任何文件能够检查（也包括校核结果无法保存）",
    "  3  部分文件无法读取或未能检查（或批注副本未能生成），其余文件均未发现错误",
  ].join("\n"),
  examples: [
    "示例：",
    "  nianbao check 年报.docx",
    "  nianbao check 收到的年报/ -f html -o 校核报告.html",
    "  nianbao template --year 2025 --unit 某某镇人民政府",
  ].join("\n"),
};

/** Commander's errors, in Chinese (commander itself only speaks English). */
export const ARGUMENT_ERRORS = {
  unknownCommand: (name: string) => `没有“${name}”这个命令。`,
  unknownOption: (name: string) => `没有“${name}”这个选项。`,
  suggestion: (names: string[]) => `您是否想输入 ${names.join(" 或 ")}？`,
  seeHelp: (command: string | null) =>
    command
      ? `运行 nianbao ${command} --help 查看全部选项。`
      : "运行 nianbao --help 查看可用的命令。",
  missingFiles: "请给出要检查的文件或文件夹，例如：nianbao check 年报.docx",
  missingArgument: (name: string) => `缺少参数 ${name}。`,
  optionMissingValue: (flags: string) => `选项 ${flags} 后面缺少取值。`,
  invalidChoice: (flags: string, value: string, choices: string[]) =>
    `选项 ${flags} 的取值“${value}”无效，可选：${choices.join("、")}。`,
  excessArguments: (command: string, extra: number) =>
    `${command} 命令不接受文件名等参数（多出 ${extra} 个）。如要指定保存位置，请用 -o。`,
  other: "命令行参数有误。",
};

export const CHECK = {
  jobsInvalid: (value: string) => `--jobs 应为正整数（同时检查的文件数），收到“${value}”`,
  jobsCapped: (jobs: number, cores: number) =>
    `--jobs ${jobs} 超过本机 CPU 核数 ${cores}，按 ${cores} 个同时检查`,
  valueLooksLikeOption: (option: string, value: string) =>
    `${option} 后面应写文件或文件夹名，收到的“${value}”像是另一个选项；请在 ${option} 后紧接着写名称，如 ${option} 校核结果`,
  sameOutputAndCopies: (path: string) =>
    `校核结果文件与批注副本文件夹不能是同一个位置“${path}”，请分别指定`,
  nothingToCheck:
    "没有找到可检查的 .docx 文件。请确认文件或文件夹的位置；.doc、.wps 等格式请先另存为 .docx",
  unreadable: (file: string, message: string) => `无法读取“${file}”：${message}`,
  copyFailed: (file: string, message: string) => `“${file}”：${message}`,
  previousMissing: (path: string) => `找不到上年度报告“${path}”，请确认位置后重试`,
  previousUnused: (path: string, why: string) => `上年度报告文件夹中的“${path}”未使用：${why}`,
  previousNoUnit: (path: string) =>
    `上年度报告“${path}”的标题中没有单位名称，无法与本年度报告对应，未使用`,
  previousUnreadable: (path: string, why: string) => `上年度报告“${path}”无法读取：${why}`,
  writeFailed: (path: string, why: string) => `无法保存校核结果“${path}”：${why}`,
  written: (path: string, totals: string) => `已写入 ${path}（${totals}）`,
  copiesWritten: (count: number, folder: string) => `已生成 ${count} 份批注副本，在“${folder}”中`,
  copiesFailed: (count: number) => `${count} 份批注副本未能生成，原因见校核结果`,
  xlsxNeedsOutput: "--format xlsx 生成的是 Excel 文件，请用 -o 指定文件名，如 -o 整改台账.xlsx",
};

/** --rule and --config: what is wrong with them, and what to write instead. */
export const RULE_SETTINGS = {
  ruleMalformed: (value: string) =>
    `--rule 的取值“${value}”格式不对，应写成“规则编号=设置”，如“--rule report-date=off”`,
  unknownRule: (id: string, suggestion: string | null) =>
    `没有“${id}”这条规则。${suggestion ? `您是否想输入“${suggestion}”？` : ""}规则编号见校核结果（csv、html）的“规则编号”一栏`,
  invalidSetting: (id: string, setting: string) =>
    `规则“${id}”的设置“${setting}”无效，可选：“off”（关闭）、“error”（错误）、“warning”（警告）、“info”（提示）`,
  configUnreadable: (path: string, why: string) => `无法读取配置文件“${path}”：${why}`,
  configNotJson: (path: string) =>
    `配置文件“${path}”不是有效的 json 文件，请检查括号、引号和逗号（可参照“examples/nianbao-config.json”）`,
  configInvalid: (path: string, problems: string[]) =>
    `配置文件“${path}”有误：${problems.join("；")}。格式见“schema/nianbao-config.schema.json”`,
  problemAt: (where: string, message: string) => (where ? `“${where}”${message}` : message),
  notFound: "文件不存在",
  isFolder: "这是一个文件夹，请给出配置文件",
  cannotOpen: "没有读取权限或文件正被占用",
};

/** --baseline and the similarity options. */
export const BASELINE = {
  missing: (path: string) => `找不到上一轮的校核结果“${path}”，请确认位置后重试`,
  isFolder: (path: string) =>
    `“${path}”是一个文件夹；--baseline 应给出上一轮用 -f json 保存的校核结果文件`,
  notJson: (path: string) =>
    `“${path}”不是 json 格式的文件；--baseline 应给出上一轮用 nianbao check -f json -o 文件 保存的校核结果`,
  notOurReport: (path: string) =>
    `“${path}”不是本工具生成的校核结果（内容不符）；请给出上一轮用 nianbao check -f json 保存的文件`,
  thresholdInvalid: (value: string) =>
    `--similarity-threshold 应为 0 到 1 之间的数，如 0.5 表示 50%，收到“${value}”`,
};

/** The formats as the template's notes name them. */
export const FORMAT_NAME = {
  "2021": "2021 年新格式（国办公开办函〔2021〕30号）",
  "2019": "2019 年试行格式（国办公开办函〔2019〕60号）",
} as const;

export const TEMPLATE = {
  formatInvalid: (value: string) => `不支持的格式“${value}”，可选 2021 或 2019`,
  yearNotNumber: (value: string, example: number) =>
    `年份“${value}”无效：应写四位数字的年度，如 ${example}`,
  yearTooEarly: (year: number) =>
    `不能生成 ${year} 年度的模板：法定格式自 2019 年度报告起施行（2019、2020 年度用国办公开办函〔2019〕60号试行格式，2021 年度起用〔2021〕30号格式），此前的年度没有统一格式。请给出 2019 年或以后的年度`,
  yearTooLate: (year: number, latest: number) =>
    `不能生成 ${year} 年度的模板：最晚为 ${latest} 年度。请检查年份是否写错`,
  formatDiffers: (year: number, due: string, made: string) =>
    `注意：${year} 年度报告应使用 ${due}，已按您的要求生成 ${made}`,
  partInvalid: (value: string) =>
    `--part 应为 一…六 中的一个部分，或 table2、table3、table4 中的一张表，收到“${value}”`,
  defaultUnit: "政府信息公开",
  defaultName: (unit: string, year: number, part: string | null) =>
    `${unit}${year}年度报告模板${part ? `-${part}` : ""}.docx`,
  defaultTitle: "政府信息公开工作年度报告",
  writeFailed: (path: string, why: string) => `无法保存模板“${path}”：${why}`,
  exists: (path: string) =>
    `文件“${path}”已存在，未覆盖。请换一个文件名（--force 只覆盖本工具生成、尚未被编辑保存过的模板）`,
  isFolder: (path: string) => `“${path}”是一个文件夹，请给出文件名，如 ${path}/模板.docx`,
  written: (path: string) => `已生成 ${path}`,
};

/** Why a file could not be written, in words a clerk can act on. */
export const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: "磁盘空间不足，请清理磁盘或换一个位置",
  EDQUOT: "磁盘配额已满，请清理磁盘或换一个位置",
  EACCES: "没有写入权限，请换一个位置",
  EROFS: "该位置只读，请换一个位置",
  // Windows refuses to replace a file another program holds open.
  EPERM: "没有写入权限，或文件正被其他程序（Word、WPS、Excel）打开，请关闭后重试",
  EBUSY: "文件正被其他程序（Word、WPS、Excel）打开，请关闭后重试",
  ENOENT: "所在文件夹不存在或已被移走，请确认位置后重试",
  ENOTDIR: "路径中有一部分不是文件夹，请确认位置后重试",
  EISDIR: "这是一个文件夹，请给出文件名",
  ENAMETOOLONG: "文件名或路径过长，请换一个短些的名称或位置",
  EINVAL: "文件名中有系统不允许的字符，请换一个名称",
  EMFILE: "同时打开的文件过多，请稍后重试",
  EIO: "磁盘读写出错，请检查磁盘或换一个位置",
  EXDEV: "无法在该位置完成保存，请换一个位置",
  EEXIST: "写入时该位置出现了同名文件，为防止覆盖，未写入，请换一个文件名",
};
export const WRITE_ERROR_OTHER = "系统拒绝了保存，请换一个位置重试";

export const FOLDER = {
  createFailed: (folder: string, why: string) => `无法创建批注副本文件夹“${folder}”：${why}`,
};

/** Why a file found in a folder is not checked, and what to do. */
export const SCAN = {
  resave: (what: string) => `${what}，请在 Word 或 WPS 中另存为 .docx 后再检查`,
  what: {
    ".doc": ".doc 为旧版 Word 格式",
    ".dot": ".dot 为旧版 Word 模板格式",
    ".wps": ".wps 为旧版 WPS 文字格式",
    ".wpt": ".wpt 为 WPS 文字模板格式",
    ".dotx": ".dotx 为 Word 模板，不是报告文档；如确为报告",
    ".dotm": ".dotm 为 Word 模板，不是报告文档；如确为报告",
    ".rtf": ".rtf 格式无法检查",
    ".odt": ".odt（OpenDocument）格式无法检查",
    ".ott": ".ott（OpenDocument 模板）格式无法检查",
    ".uot": ".uot 格式无法检查",
    ".uof": ".uof 格式无法检查",
  },
  pdf: "PDF 无法检查，请提供 Word 版（.docx）；如同一报告已有 .docx 版本，可忽略此项",
  ofd: "OFD 版式文件无法检查，请提供 Word 版（.docx）；如同一报告已有 .docx 版本，可忽略此项",
  xps: "XPS 版式文件无法检查，请提供 Word 版（.docx）",
  spreadsheet: (extension: string) =>
    `${extension} 为电子表格，无法作为年度报告检查；年度报告请以 Word 文档（.docx）提交`,
  archive: "压缩包内的文件不会被检查，请解压后再检查解压出的文件夹",
  image: "图片无法检查；如是报告的扫描件，请提供 Word 版（.docx）",
  notADocument: "不是 Word 文档",
  folderUnreadable: (code: string) =>
    `无法打开此文件夹（${code === "EACCES" || code === "EPERM" ? "没有权限" : "已被移走或无法访问"}），其中的文件未检查；请检查权限后重试`,
  brokenLink: "这是一个链接，指向的文件不存在或无法访问",
  specialFile: "不是普通文件（设备、管道或套接字）",
  unreadableEntry: "无法访问此文件（权限不足或已被删除）",
  folderSeen: (first: string) => `与“${first}”是同一个文件夹（链接或重复指定），其中文件只检查一次`,
  ourCopy: "年报校核生成的批注副本（*.校核.docx），不再检查",
  notFound: "找不到该文件或文件夹，请确认位置和文件名",
};

/** Where reports and copies may be written. */
export const TARGET = {
  suggestedName: {
    text: "校核结果.txt",
    json: "校核结果.json",
    csv: "校核结果.csv",
    html: "校核报告.html",
    xlsx: "整改台账.xlsx",
  },
  noFolder: (folder: string) => `文件夹“${folder}”不存在，请先创建它或换一个位置`,
  notAFolder: (folder: string) => `“${folder}”不是文件夹，请换一个位置`,
  folderReadOnly: (folder: string) => `文件夹“${folder}”不可写（只读或没有权限），请换一个位置`,
  refused: (path: string, why: string) => `不能把校核结果写入“${path}”：${why}`,
  documentName: (suggested: string) =>
    `这是 Word/WPS 文档（或 PDF、OFD、XPS、UOF 等文档）的文件名，为防止覆盖报告，校核结果从不写入此类文件。请换一个文件名，如 ${suggested}`,
  brokenLink: "这是一个指向不存在文件的链接，请换一个文件名",
  isFolder: (suggested: string) => `这是一个文件夹。请给出文件名，如 ${suggested}`,
  notAFile: "这不是普通文件，请换一个文件名",
  isInput: "这是本次要检查（或列出、读取）的文件之一，不能用来保存校核结果",
  readOnly: "文件只读或没有写入权限，请换一个位置",
  copiesFolderProblem: (folder: string, why: string) => `无法创建批注副本文件夹“${folder}”：${why}`,
  copiesNotAFolder: (folder: string) =>
    `批注副本文件夹“${folder}”已存在，但不是文件夹，请换一个位置`,
  copiesReadOnly: (folder: string) =>
    `批注副本文件夹“${folder}”不可写（只读或没有权限），请换一个位置`,
  copySuffix: ".校核",
  copyRefused: "副本的文件名指向了原文件或其他非副本文件，未写入",
  spreadsheetName: (suggested: string) =>
    `这是电子表格的文件名，为防止覆盖已填写的台账，此格式的校核结果不写入此类文件。请换一个文件名，如 ${suggested}`,
  xlsxName: (suggested: string) => `--format xlsx 的文件名应以 .xlsx 结尾，如 ${suggested}`,
  xlsxExists:
    "该文件已存在，且不是本工具生成后未经保存的台账（可能已填写整改情况），为防止覆盖，不写入。请换一个文件名，或先将原文件改名",
};

/** Annotated copies and workers. */
export const COPY = {
  notPossible: "未能生成批注副本（文档结构无法标注）",
  notAPackage: "未能生成批注副本：只能为 .docx（zip 格式）文件生成副本，该文件是 XML 或其他格式",
  readFailed: (message: string) => `未能生成批注副本：${message}`,
  writeFailed: (path: string, why: string) => `未能写入批注副本“${path}”：${why}`,
  notChecked: (message: string) => `未检查：${message}`,
  outOfMemory: "文档过大或结构异常，检查所需内存超出上限，已停止检查该文件。",
  crashed: "检查该文件时出现内部错误，已跳过该文件。",
  progress: "检查 {bar} {value}/{total} · 有错误 {withErrors} · 无法读取 {unreadable} · {file}",
};

export const INTERNAL = {
  error: "处理时出现内部错误，已停止。请加 --debug 重新运行，并把显示的内容发给技术人员",
  debugNote: "（以下为技术细节）",
  interrupted: "已中断。已写完的文件完整保留，未写完的临时文件已删除。",
  notBuilt: "尚未构建。请先运行 npm ci（或 npm run build:cli）。",
};

/** The inputs: a file reached twice, a file without permission, last year's report (--previous). */
export const INPUT = {
  fileSeen: (first: string) => `与“${first}”是同一个文件（链接或重复指定），只检查一次`,
  noPermission:
    "没有权限读取此文件。请让文件的所有者或管理员开放读取权限，或将文件复制到自己有权限的文件夹后再检查",
  /** The checks that need last year's report. */
  previousChecks: "与上年文字雷同、结转件数和现行有效件数衔接",
  previousFileUnreadable: (path: string, why: string) =>
    `无法读取上年度报告“${path}”：${why.replace(/。$/, "")}。无法与上年比较，本次未检查任何文件；请换一个能打开的上年度报告（.docx），或去掉 --previous 后重试`,
  /** A file's note: why it was not compared with last year, and what was therefore not checked. */
  previousNote: (why: string) => `${why}，未做与上年比较的检查（${INPUT.previousChecks}）`,
  previousSame: "上年度报告与本文件是同一个文件",
  previousNotFound: (unit: string) => `上年度报告中没有“${unit}”的报告`,
  previousNoUnit: "标题中没有识别出单位名称，无法在上年度报告中找到对应的报告",
  previousNotEarlier: (unit: string, year: number) =>
    `上年度报告中“${unit}”的报告都不早于 ${year} 年度`,
  previousUnreadable: (path: string, why: string) =>
    `上年度报告“${path}”无法读取（${why.replace(/。$/, "")}）`,
  previousSummary: (count: number, files: string) =>
    `${count} 个文件未与上年比较（未做${INPUT.previousChecks}的检查），原因见校核结果：${files}`,
  andMore: (shown: string, count: number) => `${shown} 等 ${count} 个`,
};

/**
 * --previous: a report found or given as last year's that is not of the year just before. Its
 * figures are not carried over (结转件数, 现行有效件数); its text is still compared.
 */
export const PREVIOUS_YEAR = {
  continuityChecks: "结转件数和现行有效件数与上年衔接",
  notLastYear: (path: string, found: number, year: number) =>
    `用作上年度报告的“${path}”是 ${found} 年度的，不是 ${year - 1} 年度的，未做${PREVIOUS_YEAR.continuityChecks}的检查（文字雷同仍与该报告比较）`,
  summary: (count: number, files: string) =>
    `${count} 个文件用作上年度报告的不是上一年度的报告，未做${PREVIOUS_YEAR.continuityChecks}的检查，原因见校核结果：${files}`,
};

/** Outputs: what is ours to replace, and what is refused before any file is checked. */
export const OUTPUT = {
  formatName: { text: "文本", json: "JSON", csv: "CSV", html: "HTML" },
  emptyName: "文件名为空。请给出文件名，如 校核结果.csv",
  folderNotation: (suggested: string) =>
    `这是文件夹的写法（以“/”或“.”结尾）。请给出文件名，如 ${suggested}`,
  notOurReport: (format: string) =>
    `该文件已存在，且不是本工具之前生成的 ${format} 格式校核结果（可能是别人的文件，或已被编辑），为防止覆盖，不写入。请换一个文件名，或确认不再需要后先删除或改名原文件`,
  emptyCopiesFolder: "批注副本文件夹的名称为空。请给出文件夹，如 --annotate 批注副本",
  copiesInsideOutput: (output: string, copies: string) =>
    `校核结果文件“${output}”与批注副本文件夹“${copies}”重叠（副本文件夹不能是校核结果文件本身或位于其下）。请给两者不同的位置`,
  copyKept: (kept: string, written: string) =>
    `“${kept}”已存在，且不是本工具生成后未经改动的批注副本（可能是别人的文件，或已被编辑），未覆盖；批注副本另存为“${written}”`,
  ownReport: "这是本工具之前生成的校核结果，不是年报，未检查",
  ownWorkbook: "这是本工具生成的整改台账（已被编辑保存），不是年报，未检查",
};

/** Copies passed over because the name was taken, said once for the whole run. */
export const KEPT_COPIES = {
  readOnly: (kept: string, written: string) =>
    `“${kept}”已存在且为只读，未覆盖；批注副本另存为“${written}”`,
  summary: (count: number, files: string) =>
    `${count} 个批注副本的文件名已被占用（原有文件不是本工具生成后未经改动的批注副本，可能是别人的文件、已被编辑或为只读），均未覆盖；这些批注副本另存为带编号的文件名（如 原名-2.校核.docx），各份的位置见校核结果。未覆盖的文件：${files}`,
};

/** --baseline and --config given something that is not a regular file, or one far too large. */
export const REFUSED_READ = {
  baselineNotRegular: (path: string) =>
    `“${path}”不是普通文件（设备、管道或套接字），未读取；--baseline 应给出上一轮用 -f json 保存的校核结果文件`,
  baselineTooLarge: (path: string, megabytes: number) =>
    `“${path}”超过 ${megabytes} MB，不是上一轮的校核结果，未读取；--baseline 应给出上一轮用 -f json 保存的校核结果文件`,
  configNotRegular: "不是普通文件（设备、管道或套接字），未读取，请给出配置文件",
  configTooLarge: (megabytes: number) => `文件超过 ${megabytes} MB，不是配置文件，未读取`,
};
