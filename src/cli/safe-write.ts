/**
 * Every file the command line writes goes through here: it is written to a temporary file in
 * the same folder, flushed, and renamed into place, so a reader (or an interrupted run) sees the
 * earlier file or the complete new one, never a partial file. Temporary files are hidden (a
 * leading dot, our suffix) and removed on failure, on exit and on SIGINT / SIGTERM / SIGHUP.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { INTERNAL, PREFIX, WRITE_ERROR_OTHER, WRITE_ERRORS } from "./strings";

export const TEMP_SUFFIX = ".nianbao-tmp";

/** Temporary files written but not yet renamed: what an interruption must remove. */
const pending = new Set<string>();

export function isTemporaryName(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

/** Thrown by writeFileAtomic with `replace: false` when the target already exists. */
export class TargetExistsError extends Error {
  readonly code = "EEXIST";
}

/** Thrown by writeFileAtomic when `beforeReplace` refuses, with its reason; nothing was replaced. */
export class ReplaceRefused extends Error {}

/**
 * Writes `data` to `path` atomically. With `replace: false` an existing file is never replaced,
 * even one created between a check and the write (a hard link refuses to land on a name). With
 * `replace: true`, `beforeReplace` is asked once more just before the rename (the file may have
 * been edited while the new one was written and flushed): a reason refuses the write. A file
 * replaced keeps its permissions: the new one gets the old one's mode, never a wider one.
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  { replace, beforeReplace }: { replace: boolean; beforeReplace?: () => string | null },
): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  // Not derived from the target's name: a name near the 255-byte limit would leave none to spare.
  const temp = join(
    dirname(path),
    `.nianbao-${process.pid}-${randomBytes(4).toString("hex")}${TEMP_SUFFIX}`,
  );
  pending.add(temp);
  try {
    const mode = replace ? modeOf(path) : null;
    const fd = openSync(temp, "wx", mode ?? 0o666);
    try {
      if (mode !== null) fchmodSync(fd, mode);
      for (let offset = 0; offset < bytes.length;)
        offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (replace) {
      const refusal = beforeReplace?.() ?? null;
      if (refusal !== null) throw new ReplaceRefused(refusal);
      renameSync(temp, path);
    } else placeWithoutReplacing(temp, path);
  } finally {
    removeQuietly(temp);
    pending.delete(temp);
  }
}

/** The permission bits of the file at `path` (special bits left out), or null when none is there. */
function modeOf(path: string): number | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.mode & 0o777 : null;
  } catch {
    return null;
  }
}

function placeWithoutReplacing(temp: string, path: string): void {
  try {
    linkSync(temp, path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new TargetExistsError(`${path} exists`);
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (
      code !== "EPERM" &&
      code !== "ENOTSUP" &&
      code !== "ENOSYS" &&
      code !== "EXDEV" &&
      !(code === "EISDIR" && !isFolder(path))
    )
      throw error;
  }
  if (existsSync(path)) throw new TargetExistsError(`${path} exists`);
  renameSync(temp, path);
}

/**
 * Whether a folder stands at `path` (not followed through a link). On Windows, link() on FAT32
 * and exFAT fails with ERROR_INVALID_FUNCTION, which Node reports as EISDIR (nodejs/node issue
 * 65817): that EISDIR means "no hard links here" unless the name really is a folder.
 */
function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already renamed into place, or never created.
  }
}

/** Removes every temporary file not yet renamed into place. */
export function removePendingTemporaryFiles(): void {
  for (const temp of pending) removeQuietly(temp);
  pending.clear();
}

/** In words a clerk understands: why a file could not be written. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && WRITE_ERRORS[code]) || WRITE_ERROR_OTHER;
}

/** Run on an interruption before exiting, e.g. to restore the terminal's cursor. */
const interruptHooks = new Set<() => void>();

export function onInterrupt(hook: () => void): () => void {
  interruptHooks.add(hook);
  return () => interruptHooks.delete(hook);
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * While a command runs: on SIGINT / SIGTERM / SIGHUP, remove temporary files, say what is left,
 * and exit with 128 + the signal number. Writes are synchronous, so the handler runs between two
 * writes, never inside one. Returns the function that uninstalls the handlers.
 */
export function cleanUpOnInterrupt(say: (text: string) => void): () => void {
  const handlers = Object.entries(SIGNAL_EXIT_CODES).map(([signal, code]) => {
    const handler = () => {
      removePendingTemporaryFiles();
      for (const hook of interruptHooks) hook();
      say(`${PREFIX}${INTERNAL.interrupted}\n`);
      process.exit(code);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  process.on("exit", removePendingTemporaryFiles);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off("exit", removePendingTemporaryFiles);
  };
}
