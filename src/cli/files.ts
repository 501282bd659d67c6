/**
 * Expanding command-line paths into what a run covers. A file named on the command line is
 * always checked (the reader says why it cannot be). Folders are searched recursively and every
 * file found is either checked (.docx, .docm) or listed as not checked with the reason; only
 * hidden and system files, and our own annotated copies, are left out (the copies are counted).
 * A copy is ours only while it is what we wrote: one edited since, or a document of someone
 * else's that happens to be named like a copy, is checked like any other.
 * Symbolic links are followed; a folder reached twice (a link loop or an alias) is walked once, a
 * file reached twice is checked once. Names are read as bytes, so a name that is not valid UTF-8
 * (a GBK name unzipped from a Windows archive) is checked too, shown decoded as GB18030 when it
 * is valid GB18030, else with its bad bytes shown as \xNN: two such files never look alike.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
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
import { INPUT, SCAN } from "./strings";

export interface ScanEntry {
  /** As shown; a name that is not valid UTF-8 is shown as decodeName tells it. */
  path: string;
  /** The path's bytes when they are not valid UTF-8 (a GBK name from a Windows zip): read by these. */
  source?: Uint8Array;
  /** Set when the file is listed but not checked. */
  notChecked?: NotChecked;
}

/** Found but deliberately left out, and said so in the report's notes. */
export interface Excluded {
  path: string;
  code: "annotated-copy" | "folder-seen" | "file-seen";
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

/** A path as shown and as the file system has it (bytes, so any name can be reached). */
interface Place {
  path: string;
  bytes: Buffer;
}

/** What a scan has reached so far, by identity: the first path each folder and file had. */
interface Seen {
  folders: Map<string, string>;
  files: Map<string, string>;
}

export function scanInputs(paths: string[]): Scan {
  const scan: Scan = { entries: [], excluded: [] };
  const seen: Seen = { folders: new Map(), files: new Map() };
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      add(scan, seen, { path });
      continue;
    }
    if (isDirectory) walk({ path, bytes: Buffer.from(path) }, scan, seen);
    else add(scan, seen, { path });
  }
  return scan;
}

/**
 * Lists a file once, whatever the spelling that reached it: a symbolic link, a hard link, or a
 * name given again on the command line is noted as the same file, as a folder reached twice is.
 */
function add(scan: Scan, seen: Seen, entry: ScanEntry): void {
  const id = fileIdentity(entry.source ? Buffer.from(entry.source) : entry.path);
  const key = id ?? `missing:${resolve(entry.path)}`;
  const first = seen.files.get(key);
  if (first !== undefined) {
    scan.excluded.push({ path: entry.path, code: "file-seen", message: INPUT.fileSeen(first) });
    return;
  }
  seen.files.set(key, entry.path);
  scan.entries.push(entry);
}

/** An entry for a place: its bytes kept only when its name cannot be told as a string. */
function entryAt(place: Place, notChecked?: NotChecked): ScanEntry {
  return {
    path: place.path,
    ...(!isUtf8(place.bytes) && { source: place.bytes }),
    ...(notChecked && { notChecked }),
  };
}

function isUtf8(bytes: Buffer): boolean {
  return Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes);
}

/** What reaches the file: the shown path may name another file once a name is decoded. */
function readable(place: Place): string | Buffer {
  return isUtf8(place.bytes) ? place.path : place.bytes;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });
/** Absent from a Node built without full ICU: names are then shown escaped. */
const GB18030 = (() => {
  try {
    return new TextDecoder("gb18030", { fatal: true });
  } catch {
    return null;
  }
})();

/**
 * A file name as shown: UTF-8; else GB18030 (what Chinese Windows writes) when the bytes are
 * valid GB18030; else UTF-8 with every byte that does not decode shown as \xNN. A GB18030
 * reading may look like another name: shownNames tells the names of a folder apart.
 */
export function decodeName(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    // Not UTF-8: tried below.
  }
  try {
    if (GB18030) return GB18030.decode(bytes);
  } catch {
    // Not GB18030 either.
  }
  return escapedName(bytes);
}

/** UTF-8 with every byte that does not decode shown as \\xNN: alike only when the bytes are. */
function escapedName(bytes: Uint8Array): string {
  let shown = "";
  for (let at = 0; at < bytes.length;) {
    let length = 1;
    for (; length <= 4 && at + length <= bytes.length; length++) {
      try {
        shown += UTF8.decode(bytes.subarray(at, at + length));
        break;
      } catch {
        // Incomplete or invalid: a longer sequence, or a byte shown escaped.
      }
    }
    if (length <= 4 && at + length <= bytes.length) at += length;
    else {
      shown += `\\x${(bytes[at] as number).toString(16).padStart(2, "0")}`;
      at += 1;
    }
  }
  return shown;
}

/** Every byte outside printable ASCII as \\xNN: no reading at all, so never like another name. */
function hexName(bytes: Uint8Array): string {
  let shown = "";
  for (const byte of bytes)
    shown +=
      byte >= 0x20 && byte < 0x7f
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, "0")}`;
  return shown;
}

/**
 * Names of one folder as shown, told apart: a GB18030 reading that looks like another name
 * there (a GBK 报告.docx beside a UTF-8 one, or 0x80 and A2E3, both read as €) is shown as bytes.
 */
function shownNames(names: Buffer[]): { bytes: Buffer; name: string }[] {
  const named = names.map((bytes) => ({ bytes, name: decodeName(bytes) }));
  const key = (name: string) => name.normalize("NFC").toLowerCase();
  const seen = new Map<string, number>();
  for (const { name } of named) seen.set(key(name), (seen.get(key(name)) ?? 0) + 1);
  for (const entry of named)
    if ((seen.get(key(entry.name)) ?? 0) > 1 && !isUtf8(entry.bytes))
      entry.name = hexName(entry.bytes);
  return named;
}

function walk(folder: Place, scan: Scan, seen: Seen): void {
  const id = fileIdentity(folder.bytes);
  if (id) {
    const first = seen.folders.get(id);
    if (first !== undefined) {
      scan.excluded.push({
        path: folder.path,
        code: "folder-seen",
        message: SCAN.folderSeen(first),
      });
      return;
    }
    seen.folders.set(id, folder.path);
  }
  let entries: Dirent<Buffer>[];
  try {
    // Names as bytes: a name that is not valid UTF-8 is still reached, only shown decoded.
    entries = readdirSync(folder.bytes, { withFileTypes: true, encoding: "buffer" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    scan.entries.push(entryAt(folder, FOLDER_UNREADABLE(code)));
    return;
  }
  const named = shownNames(entries.map((entry) => entry.name));
  named.sort((a, b) => a.name.localeCompare(b.name));
  for (const { bytes, name } of named) {
    if (isHiddenOrSystem(name)) continue;
    const place: Place = {
      path: join(folder.path, name),
      bytes: Buffer.concat([folder.bytes, Buffer.from(sep), bytes]),
    };
    let kind: "folder" | "file" | "other";
    try {
      const stats = statSync(place.bytes);
      kind = stats.isDirectory() ? "folder" : stats.isFile() ? "file" : "other";
    } catch {
      const isLink = safeIsSymlink(place.bytes);
      add(scan, seen, entryAt(place, isLink ? BROKEN_LINK : UNREADABLE_ENTRY));
      continue;
    }
    if (kind === "folder") walk(place, scan, seen);
    else if (kind === "other") add(scan, seen, entryAt(place, SPECIAL_FILE));
    else if (ANNOTATED_COPY.test(name) && isUntouchedCopy(readable(place)))
      scan.excluded.push({
        path: place.path,
        code: "annotated-copy",
        message: SCAN.ourCopy,
      });
    else if (CHECKED_EXTENSIONS.has(extname(name).toLowerCase())) add(scan, seen, entryAt(place));
    else {
      // Recognised by content only where the shown path is the file's own (a copy of ours or a
      // report is never written under a name that is not UTF-8).
      const path = isUtf8(place.bytes) ? place.path : undefined;
      add(scan, seen, entryAt(place, notCheckedReason(name, path)));
    }
  }
}

function safeIsSymlink(path: Buffer): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
