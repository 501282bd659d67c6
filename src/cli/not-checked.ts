/**
 * Why a file found in a folder is not checked, and what the user can do about it. Every such
 * file is listed in every report, so nobody takes a report for checked when it was not.
 */
import { extname } from "node:path";
import { ownOutput } from "./own-output";
import { OUTPUT, SCAN } from "./strings";

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

type Resaved = keyof typeof SCAN.what;
type Known = Omit<NotChecked, "mayBeReport"> & { mayBeReport?: false };

/** Documents Word or WPS can open and save again as .docx. */
const resaved = (code: string, extensions: Resaved[]): Record<string, Known> =>
  Object.fromEntries(
    extensions.map((extension) => [
      extension,
      { code, message: SCAN.resave(SCAN.what[extension]) },
    ]),
  );

const BY_EXTENSION: Record<string, Known> = {
  ...resaved("legacy-format", [".doc", ".dot", ".wps", ".wpt"]),
  ...resaved("template-file", [".dotx", ".dotm"]),
  ...resaved("other-document", [".rtf", ".odt", ".ott", ".uot", ".uof"]),
  ".pdf": { code: "pdf", message: SCAN.pdf },
  ".ofd": { code: "pdf", message: SCAN.ofd },
  ".xps": { code: "pdf", message: SCAN.xps },
};

/**
 * Every document the scan treats as one that may be a report (Word, WPS, OpenDocument, UOF,
 * PDF, OFD, XPS): never written over by a report, never replaced by the template.
 */
export const DOCUMENT_EXTENSIONS = new Set([...CHECKED_EXTENSIONS, ...Object.keys(BY_EXTENSION)]);

const SPREADSHEETS = [".xls", ".xlsx", ".xlsm", ".et", ".ett", ".ods"];
const ARCHIVES = [".zip", ".rar", ".7z", ".tar", ".gz", ".tgz"];
const IMAGES = [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"];

/** Reports and 台账 of ours found in a folder: outputs of an earlier run, not possible reports. */
export const OWN_REPORT: NotChecked = {
  code: "own-report",
  message: OUTPUT.ownReport,
  mayBeReport: false,
};

const OWN_WORKBOOK: NotChecked = {
  code: "own-report",
  message: OUTPUT.ownWorkbook,
  mayBeReport: false,
};

/** `path`, when given, lets an output of ours be recognised by what it holds. */
export function notCheckedReason(name: string, path?: string): NotChecked {
  const own = path === undefined ? null : ownOutput(path);
  if (own) return own === "replaceable" ? OWN_REPORT : OWN_WORKBOOK;
  const extension = extname(name).toLowerCase();
  const known = BY_EXTENSION[extension];
  if (known) return { mayBeReport: true, ...known };
  if (SPREADSHEETS.includes(extension))
    return {
      code: "spreadsheet",
      message: SCAN.spreadsheet(extension),
      mayBeReport: true,
    };
  if (ARCHIVES.includes(extension))
    return {
      code: "archive",
      message: SCAN.archive,
      mayBeReport: true,
    };
  if (IMAGES.includes(extension))
    return {
      code: "image",
      message: SCAN.image,
      mayBeReport: false,
    };
  return { code: "not-a-document", message: SCAN.notADocument, mayBeReport: false };
}

export const FOLDER_UNREADABLE = (detail: string): NotChecked => ({
  code: "folder-unreadable",
  message: SCAN.folderUnreadable(detail),
  mayBeReport: true,
});

export const BROKEN_LINK: NotChecked = {
  code: "broken-link",
  message: SCAN.brokenLink,
  mayBeReport: true,
};

export const SPECIAL_FILE: NotChecked = {
  code: "not-a-document",
  message: SCAN.specialFile,
  mayBeReport: false,
};

export const UNREADABLE_ENTRY: NotChecked = {
  code: "unreadable",
  message: SCAN.unreadableEntry,
  mayBeReport: true,
};
