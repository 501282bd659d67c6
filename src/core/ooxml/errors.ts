/**
 * Why a file could not be read. `code` is stable (it reaches the JSON report), `userMessage`
 * is what a clerk reads, `detail` is for logs.
 */
export type ReadErrorCode =
  | "not-docx"
  | "legacy-doc"
  | "encrypted"
  | "damaged"
  | "no-document"
  | "too-large"
  | "zip-bomb"
  | "too-many-entries"
  | "unsupported-compression"
  | "xml-invalid"
  | "xml-dtd"
  | "xml-too-complex"
  | "unreadable"
  | "not-a-file"
  | "unusual-markup";

const USER_MESSAGES: Record<ReadErrorCode, string> = {
  "not-docx":
    "不是 Word 文档（.docx）：文件内容不是 zip 格式。请用 Word 或 WPS 另存为 .docx 后再检查。",
  "legacy-doc": "这是旧版 Word 97-2003 文档（.doc）。请用 Word 或 WPS 另存为 .docx 后再检查。",
  encrypted: "文档已加密（设置了打开密码），无法读取。请取消密码后再检查。",
  damaged: "文档已损坏，无法读取。请用 Word 或 WPS 打开并另存后再检查。",
  "no-document": "文件中没有 Word 正文（缺少 word/document.xml），可能不是 Word 文档。",
  "too-large": "文件过大，超出检查上限。请确认是否为年度报告文档。",
  "zip-bomb": "文件内部数据量异常，已停止读取。请用 Word 或 WPS 打开并另存为 .docx 后再检查。",
  "too-many-entries": "文件包含的部件数量异常，已停止读取。",
  "unsupported-compression": "文档使用了不支持的压缩方式。请用 Word 或 WPS 另存为 .docx 后再检查。",
  "xml-invalid": "文档内部 XML 格式错误，无法读取。请用 Word 或 WPS 打开并另存后再检查。",
  "xml-dtd": "文档内部含有不安全的内容，已拒绝读取。请用 Word 或 WPS 打开并另存为 .docx 后再检查。",
  "xml-too-complex": "文档结构异常复杂（嵌套过深或元素过多），已停止读取。",
  unreadable: "无法读取该文件。",
  "unusual-markup":
    "此文件由其他软件生成，可以检查，但无法生成批注副本。请用 Word 或 WPS 打开并另存后再试。",
  "not-a-file": "不是普通文件（是管道、设备或套接字），未读取。请指定 .docx 文件。",
};

export class DocumentReadError extends Error {
  readonly code: ReadErrorCode;
  readonly userMessage: string;

  constructor(code: ReadErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = "DocumentReadError";
    this.code = code;
    this.userMessage = USER_MESSAGES[code];
  }
}

export function userMessageFor(code: ReadErrorCode): string {
  return USER_MESSAGES[code];
}
