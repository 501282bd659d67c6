/**
 * Where a run may write, decided before anything is checked. A report never lands on a file the
 * run reads or lists, nor on a Word / WPS document; annotated copies never land on an input.
 * Inputs are compared by identity (device and inode), never by the spelling of their paths.
 */
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  realpathSync,
  statSync,
} from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileIdentity } from "./file-identity";
import { DOCUMENT_EXTENSIONS } from "./not-checked";
import { describeWriteError, writeFileAtomic } from "./safe-write";
import { isUntouchedWorkbook } from "./xlsx/untouched";
import { FOLDER, TARGET } from "./strings";

/**
 * `direct`: a device or pipe (/dev/null, /dev/stdout, a FIFO) is written as it is: there is no
 * file to lose, and a rename would replace the device itself. `replace: false`: the file must
 * still not exist when it is written (a workbook never lands on one that appeared meanwhile).
 */
export type Target =
  { ok: true; path: string; direct?: boolean; replace?: boolean } | { ok: false; message: string };

/**
 * Spreadsheets: a 整改台账 may hold what the office typed in. Only --format xlsx writes such a
 * name, and replaces nothing but a workbook of ours that no spreadsheet has saved since.
 */
const SPREADSHEET_EXTENSIONS = new Set([
  ".xlsx",
  ".xlsm",
  ".xlsb",
  ".xls",
  ".xltx",
  ".xltm",
  ".et",
  ".ett",
  ".ods",
]);

const SUGGESTED_NAME = TARGET.suggestedName;

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether anything stands at the path, a broken link included. */
export function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The folder a new file would be created in must exist, be a folder and be writable. */
export function folderProblem(folder: string): string | null {
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    return TARGET.noFolder(folder);
  }
  if (!stats.isDirectory()) return TARGET.notAFolder(folder);
  if (!writable(folder)) return TARGET.folderReadOnly(folder);
  return null;
}

/**
 * `check -o FILE`: the real file to write (a symlink is written through, so it stays a link),
 * or why not. `inputs` are the identities of every file the run checks, lists or reads.
 */
export function reportTarget(
  path: string,
  format: keyof typeof SUGGESTED_NAME,
  inputs: Set<string>,
): Target {
  const refuse = (why: string): Target => ({
    ok: false,
    message: TARGET.refused(path, why),
  });
  const extension = extname(path).toLowerCase();
  if (DOCUMENT_EXTENSIONS.has(extension))
    return refuse(TARGET.documentName(SUGGESTED_NAME[format]));
  const workbook = format === "xlsx";
  if (!workbook && SPREADSHEET_EXTENSIONS.has(extension))
    return refuse(TARGET.spreadsheetName(SUGGESTED_NAME[format]));
  if (!present(path)) {
    if (workbook && extension !== ".xlsx") return refuse(TARGET.xlsxName(SUGGESTED_NAME.xlsx));
    const problem = folderProblem(dirname(resolve(path)));
    return problem ? refuse(problem) : { ok: true, path, ...(workbook && { replace: false }) };
  }
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return refuse(TARGET.brokenLink);
  }
  if (stats.isDirectory()) return refuse(TARGET.isFolder(join(path, SUGGESTED_NAME[format])));
  if (stats.isCharacterDevice() || stats.isFIFO()) return { ok: true, path, direct: true };
  if (!stats.isFile()) return refuse(TARGET.notAFile);
  const id = fileIdentity(path);
  if (id && inputs.has(id)) return refuse(TARGET.isInput);
  const real = realpathSync(path);
  // A link is judged by what it reaches too: `r.csv` → a filled-in 台账.xlsx stays untouched.
  const realExtension = extname(real).toLowerCase();
  if (DOCUMENT_EXTENSIONS.has(realExtension))
    return refuse(TARGET.documentName(SUGGESTED_NAME[format]));
  if (!workbook && SPREADSHEET_EXTENSIONS.has(realExtension))
    return refuse(TARGET.spreadsheetName(SUGGESTED_NAME[format]));
  if (workbook && (extension !== ".xlsx" || realExtension !== ".xlsx"))
    return refuse(TARGET.xlsxName(SUGGESTED_NAME.xlsx));
  if (workbook && !isUntouchedWorkbook(real)) return refuse(TARGET.xlsxExists);
  try {
    accessSync(real, constants.W_OK);
  } catch {
    return refuse(TARGET.readOnly);
  }
  const problem = folderProblem(dirname(real));
  return problem ? refuse(problem) : { ok: true, path: real };
}

/** `--annotate DIR`: checked before anything is done, created only once every check passed. */
export function annotateFolderProblem(folder: string): string | null {
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    // Missing: its nearest existing ancestor must be a writable folder.
    let ancestor = dirname(resolve(folder));
    for (;;) {
      try {
        statSync(ancestor);
        break;
      } catch {
        const parent = dirname(ancestor);
        if (parent === ancestor) break;
        ancestor = parent;
      }
    }
    const problem = folderProblem(ancestor);
    return problem ? TARGET.copiesFolderProblem(folder, problem) : null;
  }
  if (!stats.isDirectory()) return TARGET.copiesNotAFolder(folder);
  if (!writable(folder)) return TARGET.copiesReadOnly(folder);
  return null;
}

/**
 * Creates the folder and its missing parents one level at a time: Node 20's recursive mkdir
 * never returns when a parent exists but refuses new entries with ENOENT (e.g. /proc/x).
 */
export function createFolder(folder: string): string | null {
  const missing: string[] = [];
  for (let path = resolve(folder); !existsSync(path); path = dirname(path)) {
    missing.unshift(path);
    if (dirname(path) === path) break;
  }
  try {
    for (const path of missing) mkdirSync(path);
    return null;
  } catch (error) {
    return FOLDER.createFailed(folder, describeWriteError(error));
  }
}

/**
 * One copy per input in the folder, named 原名.校核.docx (原名-2.校核.docx when two inputs share
 * a name). A name that reaches an input, or anything but a regular file, is passed over.
 */
export function planCopies(files: string[], folder: string, inputs: Set<string>): string[] {
  const used = new Set<string>();
  return files.map((file) => {
    const extension = extname(file).toLowerCase() === ".docm" ? ".docm" : ".docx";
    const stem = basename(file, extname(file));
    for (let n = 1; ; n++) {
      const candidate = join(
        folder,
        `${stem}${n === 1 ? "" : `-${n}`}${TARGET.copySuffix}${extension}`,
      );
      if (used.has(candidate.toLowerCase()) || !freeForCopy(candidate, inputs)) continue;
      used.add(candidate.toLowerCase());
      return candidate;
    }
  });
}

function freeForCopy(path: string, inputs: Set<string>): boolean {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return true;
  }
  if (stats.isSymbolicLink()) return false;
  const id = fileIdentity(path);
  return stats.isFile() && !(id && inputs.has(id));
}

export class CopyRefused extends Error {}

/**
 * Writes an annotated copy, replacing only an earlier copy of that name; checked again at
 * write time, in case something appeared at the name since the plan was made.
 */
export function writeCopy(path: string, bytes: Uint8Array, inputs: Set<string>): void {
  if (!freeForCopy(path, inputs)) throw new CopyRefused(TARGET.copyRefused);
  writeFileAtomic(path, bytes, { replace: true });
}
