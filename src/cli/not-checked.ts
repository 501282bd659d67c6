/**
 * Why a file found in a folder is not checked, and what the user can do about it. Every such
 * file is listed in every report, so nobody takes a report for checked when it was not.
 */
import { extname } from "node:path";

export interface NotChecked {
  /** Stable, reaches the JSON report's `error.code`. */
  code: string;
  /** Simplified Chinese: why, and what to do. */
  message: string;
  /** A document that may well be a report: the run cannot be called clean (exit code 2). */
  mayBeReport: boolean;
}

/** The Word documents a folder scan checks. */
export const CHECKED_EXTENSIONS = new Set([".docx", ".docm"]);

/** Word / WPS documents: never written over by a report, never replaced by the template. */
export const DOCUMENT_EXTENSIONS = new Set([
  ".docx",
  ".docm",
  ".doc",
  ".dot",
  ".dotx",
  ".dotm",
  ".wps",
  ".wpt",
  ".rtf",
  ".odt",
  ".ott",
]);

const resave = (what: string) => `${what}，请在 Word 或 WPS 中另存为 .docx 后再检查`;

const BY_EXTENSION: Record<string, Omit<NotChecked, "mayBeReport"> & { mayBeReport?: false }> = {
  ".doc": { code: "legacy-format", message: resave(".doc 为旧版 Word 格式") },
  ".dot": { code: "legacy-format", message: resave(".dot 为旧版 Word 模板格式") },
  ".wps": { code: "legacy-format", message: resave(".wps 为旧版 WPS 文字格式") },
  ".wpt": { code: "legacy-format", message: resave(".wpt 为 WPS 文字模板格式") },
  ".dotx": {
    code: "template-file",
    message: resave(".dotx 为 Word 模板，不是报告文档；如确为报告"),
  },
  ".dotm": {
    code: "template-file",
    message: resave(".dotm 为 Word 模板，不是报告文档；如确为报告"),
  },
  ".rtf": { code: "other-document", message: resave(".rtf 格式无法检查") },
  ".odt": { code: "other-document", message: resave(".odt（OpenDocument）格式无法检查") },
  ".ott": { code: "other-document", message: resave(".ott（OpenDocument 模板）格式无法检查") },
  ".uot": { code: "other-document", message: resave(".uot 格式无法检查") },
  ".uof": { code: "other-document", message: resave(".uof 格式无法检查") },
  ".pdf": {
    code: "pdf",
    message: "PDF 无法检查，请提供 Word 版（.docx）；如同一报告已有 .docx 版本，可忽略此项",
  },
  ".ofd": {
    code: "pdf",
    message: "OFD 版式文件无法检查，请提供 Word 版（.docx）；如同一报告已有 .docx 版本，可忽略此项",
  },
  ".xps": { code: "pdf", message: "XPS 版式文件无法检查，请提供 Word 版（.docx）" },
};

const SPREADSHEETS = [".xls", ".xlsx", ".xlsm", ".et", ".ett", ".ods"];
const ARCHIVES = [".zip", ".rar", ".7z", ".tar", ".gz", ".tgz"];
const IMAGES = [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"];

export function notCheckedReason(name: string): NotChecked {
  const extension = extname(name).toLowerCase();
  const known = BY_EXTENSION[extension];
  if (known) return { mayBeReport: true, ...known };
  if (SPREADSHEETS.includes(extension))
    return {
      code: "spreadsheet",
      message: `${extension} 为电子表格，无法作为年度报告检查；年度报告请以 Word 文档（.docx）提交`,
      mayBeReport: true,
    };
  if (ARCHIVES.includes(extension))
    return {
      code: "archive",
      message: "压缩包内的文件不会被检查，请解压后再检查解压出的文件夹",
      mayBeReport: true,
    };
  if (IMAGES.includes(extension))
    return {
      code: "image",
      message: "图片无法检查；如是报告的扫描件，请提供 Word 版（.docx）",
      mayBeReport: false,
    };
  return { code: "not-a-document", message: "不是 Word 文档", mayBeReport: false };
}

export const FOLDER_UNREADABLE = (detail: string): NotChecked => ({
  code: "folder-unreadable",
  message: `无法打开此文件夹（${detail}），其中的文件未检查；请检查权限后重试`,
  mayBeReport: true,
});

export const BROKEN_LINK: NotChecked = {
  code: "broken-link",
  message: "这是一个快捷方式（符号链接），指向的文件不存在或无法访问",
  mayBeReport: true,
};

export const SPECIAL_FILE: NotChecked = {
  code: "not-a-document",
  message: "不是普通文件（设备、管道或套接字）",
  mayBeReport: false,
};

export const UNREADABLE_ENTRY: NotChecked = {
  code: "unreadable",
  message: "无法访问此文件（权限不足或已被删除）",
  mayBeReport: true,
};
