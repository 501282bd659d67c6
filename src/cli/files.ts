/**
 * Expanding command-line paths into what a run covers. A file named on the command line is
 * always checked (the reader says why it cannot be). Folders are searched recursively and every
 * file found is either checked (.docx, .docm) or listed as not checked with the reason; only
 * hidden and system files, and our own annotated copies, are left out (the copies are counted).
 * A copy is ours only while it is what we wrote: one edited since, or a document of someone
 * else's that happens to be named like a copy, is checked like any other.
 * Symbolic links are followed; a folder reached twice (a link loop or an alias) is walked once.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from "node:fs";
import { extname, join } from "node:path";
import { fileIdentity } from "./file-identity";
import {
  BROKEN_LINK,
  CHECKED_EXTENSIONS,
  FOLDER_UNREADABLE,
  notCheckedReason,
  SPECIAL_FILE,
  UNREADABLE_ENTRY,
  type NotChecked,
} from "./not-checked";
import { isUntouchedCopy } from "./own-output";
import { isTemporaryName } from "./safe-write";
import { SCAN } from "./strings";

export interface ScanEntry {
  path: string;
  /** Set when the file is listed but not checked. */
  notChecked?: NotChecked;
}

/** Found but deliberately left out, and said so in the report's notes. */
export interface Excluded {
  path: string;
  code: "annotated-copy" | "folder-seen";
  message: string;
}

export interface Scan {
  entries: ScanEntry[];
  excluded: Excluded[];
}

/**
 * What nianbao --annotate names its copies: 原名.校核.docx (or 原名-2.校核.docx). The name alone
 * proves nothing: isUntouchedCopy decides.
 */
export const ANNOTATED_COPY = /\.校核\.(docx|docm)$/i;

/** Lock files, Word's temporary files, OS metadata, our own temporary files. */
function isHiddenOrSystem(name: string): boolean {
  return (
    name.startsWith(".") ||
    name.startsWith("~$") ||
    /^~WR[A-Z]\d+\.tmp$/i.test(name) ||
    /^(thumbs\.db|desktop\.ini|\$recycle\.bin|system volume information|__macosx)$/i.test(name) ||
    isTemporaryName(name)
  );
}

export function scanInputs(paths: string[]): Scan {
  const scan: Scan = { entries: [], excluded: [] };
  const folders = new Map<string, string>();
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      scan.entries.push({ path });
      continue;
    }
    if (isDirectory) walk(path, scan, folders);
    else scan.entries.push({ path });
  }
  return scan;
}

function walk(folder: string, scan: Scan, folders: Map<string, string>): void {
  const id = fileIdentity(folder);
  if (id) {
    const first = folders.get(id);
    if (first !== undefined) {
      scan.excluded.push({
        path: folder,
        code: "folder-seen",
        message: SCAN.folderSeen(first),
      });
      return;
    }
    folders.set(id, folder);
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    scan.entries.push({ path: folder, notChecked: FOLDER_UNREADABLE(code) });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (isHiddenOrSystem(entry.name)) continue;
    const path = join(folder, entry.name);
    let kind: "folder" | "file" | "other";
    try {
      const stats = statSync(path);
      kind = stats.isDirectory() ? "folder" : stats.isFile() ? "file" : "other";
    } catch {
      const isLink = safeIsSymlink(path);
      scan.entries.push({
        path,
        notChecked: isLink ? BROKEN_LINK : UNREADABLE_ENTRY,
      });
      continue;
    }
    if (kind === "folder") walk(path, scan, folders);
    else if (kind === "other") scan.entries.push({ path, notChecked: SPECIAL_FILE });
    else if (ANNOTATED_COPY.test(entry.name) && isUntouchedCopy(path))
      scan.excluded.push({
        path,
        code: "annotated-copy",
        message: SCAN.ourCopy,
      });
    else if (CHECKED_EXTENSIONS.has(extname(entry.name).toLowerCase())) scan.entries.push({ path });
    else scan.entries.push({ path, notChecked: notCheckedReason(entry.name, path) });
  }
}

function safeIsSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
