/**
 * Where a run may write, decided before anything is checked. A report never lands on a file the
 * run reads or lists, nor on a document the scan would take for a possible report, nor on an
 * existing file that is not an earlier report of ours in that format; annotated copies never
 * land on an input, and replace only an untouched copy of ours. Inputs are compared by identity
 * (device and inode), never by the spelling of their paths.
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
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { fileIdentity } from "./file-identity";
import { DOCUMENT_EXTENSIONS } from "./not-checked";
import { isOwnReport, isUntouchedCopy, markCopy } from "./own-output";
import {
  describeWriteError,
  ReplaceRefused,
  TargetExistsError,
  writeFileAtomic,
} from "./safe-write";
import { isUntouchedWorkbook } from "./xlsx/untouched";
import { CHECK, FOLDER, OUTPUT, TARGET, WRITE_ERROR_OTHER, WRITE_ERRORS } from "./strings";

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
  if (path === "") return refuse(OUTPUT.emptyName);
  const extension = extname(path).toLowerCase();
  if (DOCUMENT_EXTENSIONS.has(extension))
    return refuse(TARGET.documentName(SUGGESTED_NAME[format]));
  const workbook = format === "xlsx";
  if (!workbook && SPREADSHEET_EXTENSIONS.has(extension))
    return refuse(TARGET.spreadsheetName(SUGGESTED_NAME[format]));
  if (!present(path)) {
    // `new.csv/`, `结果/.`: a folder, written as one, never a file of that name.
    if (isFolderNotation(path)) return refuse(OUTPUT.folderNotation(SUGGESTED_NAME[format]));
    if (workbook && extension !== ".xlsx") return refuse(TARGET.xlsxName(SUGGESTED_NAME.xlsx));
    if (nameTooLong(path)) return refuse(WRITE_ERRORS.ENAMETOOLONG ?? WRITE_ERROR_OTHER);
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
  if (!canWrite(real)) return refuse(TARGET.readOnly);
  if (!workbook && !isOwnReport(real, format))
    return refuse(OUTPUT.notOurReport(OUTPUT.formatName[format]));
  const problem = folderProblem(dirname(real));
  return problem ? refuse(problem) : { ok: true, path: real };
}

function isFolderNotation(path: string): boolean {
  return path.endsWith("/") || path.endsWith(sep) || /(^|[/\\])\.\.?$/.test(path);
}

/**
 * Why the file at `path` (followed through links) may not be replaced by a report in `format`
 * now, or null when it may: asked again at write time, in case it was edited, made read-only,
 * removed or appeared during the run. Nothing there: nothing to lose.
 */
export function replaceRefusal(path: string, format: keyof typeof SUGGESTED_NAME): string | null {
  try {
    lstatSync(path);
  } catch {
    return null;
  }
  if (!canWrite(path)) return TARGET.readOnly;
  if (format === "xlsx") return isUntouchedWorkbook(path) ? null : TARGET.xlsxExists;
  return isOwnReport(path, format) ? null : OUTPUT.notOurReport(OUTPUT.formatName[format]);
}

/** Where a path would be once created: its deepest existing ancestor resolved, the rest as given. */
function realLocation(path: string): string {
  const rest: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
    try {
      return join(realpathSync(current), ...rest);
    } catch {
      if (dirname(current) === current) return resolve(path);
      rest.unshift(basename(current));
    }
  }
}

/**
 * `-o FILE --annotate DIR`: the copies folder may not be the report file itself, nor lie under
 * it (creating the folder would turn the report's name into a folder). Compared by real
 * location, so links and `..` cannot hide an overlap.
 */
export function overlapProblem(output: string, copies: string): string | null {
  const report = realLocation(output);
  const folder = realLocation(copies);
  if (report === folder) return CHECK.sameOutputAndCopies(output);
  if (folder.startsWith(report.endsWith(sep) ? report : `${report}${sep}`))
    return OUTPUT.copiesInsideOutput(output, copies);
  return null;
}

/** `--annotate DIR`: checked before anything is done, created only once every check passed. */
export function annotateFolderProblem(folder: string): string | null {
  if (folder === "") return OUTPUT.emptyCopiesFolder;
  if (nameTooLong(folder))
    return TARGET.copiesFolderProblem(folder, WRITE_ERRORS.ENAMETOOLONG ?? WRITE_ERROR_OTHER);
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

/** The longest file name most file systems accept, in bytes. */
const NAME_MAX_BYTES = 255;

/** A copy's name that fits the limit: the original name shortened, never the suffix. */
function copyName(stem: string, tail: string): string {
  let kept = [...stem];
  while (kept.length > 1 && Buffer.byteLength(`${kept.join("")}${tail}`) > NAME_MAX_BYTES)
    kept = kept.slice(0, -1);
  return `${kept.join("")}${tail}`;
}

/** Where the copies go, and each existing file passed over because it was not ours to replace. */
export interface CopyPlan {
  paths: string[];
  /** `readOnly`: an untouched copy of ours that may not be written over. */
  kept: { kept: string; written: string; readOnly: boolean }[];
}

/**
 * One copy per input in the folder, named 原名.校核.docx (原名-2.校核.docx when two inputs share
 * a name, or when the name is taken by a file that is not an untouched copy of ours: that file
 * is kept, and said so). A name that reaches an input, anything but a regular file, or a file
 * that may not be written (read-only), is passed over too.
 */
export function planCopies(files: string[], folder: string, inputs: Set<string>): CopyPlan {
  const used = new Set<string>();
  const kept: CopyPlan["kept"] = [];
  const paths = files.map((file) => {
    let passedOver: string | null = null;
    for (let n = 1; ; n++) {
      const candidate = copyCandidate(file, folder, n);
      if (used.has(nameKey(candidate))) continue;
      if (!freeForCopy(candidate, inputs)) {
        passedOver ??= candidate;
        continue;
      }
      used.add(nameKey(candidate));
      if (passedOver !== null)
        kept.push({
          kept: passedOver,
          written: candidate,
          readOnly: !canWrite(passedOver) && isUntouchedCopy(passedOver),
        });
      return candidate;
    }
  });
  return { paths, kept };
}

/**
 * Whether the file may be written: permitted, and not marked read-only. access() alone is not
 * enough, as it always succeeds for root (and for an administrator on some systems): a file with
 * no write bit at all was made read-only by someone, and is treated so whoever runs us.
 */
function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return (statSync(path).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

/** The longest path the platform accepts, in bytes (Linux PATH_MAX, macOS 1024); none on Windows, where Node uses long paths. */
const PATH_MAX_BYTES =
  process.platform === "linux" ? 4096 : process.platform === "darwin" ? 1024 : Infinity;

/**
 * Whether a file or folder could not be created at `path` for its name's length: a component
 * over 255 bytes (UTF-8), or the whole path over the platform's limit. Said before anything is
 * checked, not after every copy was written.
 */
export function nameTooLong(path: string): boolean {
  const absolute = resolve(path);
  if (Buffer.byteLength(absolute) >= PATH_MAX_BYTES) return true;
  return absolute.split(/[\\/]/).some((part) => Buffer.byteLength(part) > NAME_MAX_BYTES);
}

/**
 * The key under which a name is taken: case and Unicode normalization aside, as APFS, HFS+ and
 * NTFS (through macOS) treat 原名 in NFC and in NFD, 甲.docx and 甲.DOCX, as one file.
 */
export function nameKey(path: string): string {
  return path.normalize("NFC").toLowerCase();
}

/**
 * `new`: nothing there; `ours`: an untouched copy of ours; false: not to be written over (a
 * read-only copy of ours included: someone made it so, as a read-only report is refused).
 */
function freeForCopy(path: string, inputs: Set<string>): "new" | "ours" | false {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return "new";
  }
  if (stats.isSymbolicLink() || !stats.isFile()) return false;
  const id = fileIdentity(path);
  if (id && inputs.has(id)) return false;
  if (!canWrite(path)) return false;
  return isUntouchedCopy(path) ? "ours" : false;
}

/** A copy's name taken by a file that is not an untouched copy of ours: nothing was written. */
export class CopyRefused extends Error {
  readonly code = "annotate-refused";
}

/**
 * Writes an annotated copy, marked as ours, replacing only an untouched copy of ours; checked
 * again at write time, in case something appeared at the name, or the copy was opened and
 * saved, since the plan was made.
 */
export function writeCopy(path: string, bytes: Uint8Array, inputs: Set<string>): void {
  const free = freeForCopy(path, inputs);
  if (!free) throw new CopyRefused(TARGET.copyRefused);
  try {
    writeFileAtomic(path, markCopy(bytes), {
      replace: free === "ours",
      // Removed meanwhile, the name is free: the copy goes there all the same.
      beforeReplace: () => (freeForCopy(path, inputs) === false ? TARGET.copyRefused : null),
    });
  } catch (error) {
    // Taken or changed while the copy was written: as refused up front.
    if (error instanceof ReplaceRefused || error instanceof TargetExistsError)
      throw new CopyRefused(TARGET.copyRefused);
    throw error;
  }
}

/**
 * The n-th name planCopies tries for the copy of `file` in `folder` (n = 1: 原名.校核.docx, then
 * 原名-2.校核.docx …): the names a copy moves on to when its name is taken during the run.
 */
export function copyCandidate(file: string, folder: string, n: number): string {
  const extension = extname(file).toLowerCase() === ".docm" ? ".docm" : ".docx";
  const stem = basename(file, extname(file));
  return join(folder, copyName(stem, `${n === 1 ? "" : `-${n}`}${TARGET.copySuffix}${extension}`));
}
