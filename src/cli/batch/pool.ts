/**
 * Checks many files on all cores. Each worker reads and checks one file at a time and sends
 * back its findings (and, with --annotate, the copy's bytes, handed over, not copied), so memory
 * stays flat however many files there are. Every file is written here, in the main thread,
 * synchronously and atomically: an interruption is handled between two writes, never inside one.
 * Without a built worker script (tests running the sources) or for a single job, it checks in
 * this thread, yielding between files so that Ctrl-C is handled promptly.
 */
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { checkFile, type CheckedFile, type FileOutcome, type PreviousReports } from "../check-file";
import { describeWriteError } from "../safe-write";

export interface BatchOptions {
  jobs?: number;
  previous?: PreviousReports;
  /** Output path of each file's annotated copy, by index. */
  annotateTo?: (string | null)[];
  /** Writes one copy; throws when it cannot (the file then gets a per-file annotate error). */
  writeCopy?: (path: string, bytes: Uint8Array) => void;
  onStart?: (file: string) => void;
  onDone?: (outcome: FileOutcome, done: number) => void;
}

const WORKER = join(__dirname, "worker.js");

export async function checkFiles(
  files: string[],
  options: BatchOptions = {},
): Promise<FileOutcome[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? cpus().length, files.length));
  const previous = options.previous ?? { kind: "none" };
  const copyPath = (index: number) => options.annotateTo?.[index] ?? null;
  const outcomes: FileOutcome[] = new Array(files.length);
  let done = 0;
  const finish = (index: number, { outcome, annotated }: CheckedFile) => {
    const path = copyPath(index);
    if (path && annotated) saveCopy(outcome, path, annotated, options.writeCopy);
    outcomes[index] = outcome;
    options.onDone?.(outcome, ++done);
  };
  if (jobs === 1 || !existsSync(WORKER)) {
    for (const [index, file] of files.entries()) {
      await new Promise((resolve) => setImmediate(resolve));
      options.onStart?.(file);
      finish(index, checkFile(file, previous, copyPath(index) !== null));
    }
    return outcomes;
  }
  let next = 0;
  await Promise.all(
    Array.from(
      { length: jobs },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER, { workerData: { previous } });
          const feed = () => {
            if (next >= files.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            const index = next++;
            options.onStart?.(files[index] as string);
            worker.postMessage({ index, file: files[index], annotate: copyPath(index) !== null });
          };
          worker.on("message", ({ index, checked }: { index: number; checked: CheckedFile }) => {
            finish(index, checked);
            feed();
          });
          worker.on("error", reject);
          feed();
        }),
    ),
  );
  return outcomes;
}

function saveCopy(
  outcome: FileOutcome,
  path: string,
  bytes: Uint8Array,
  write: BatchOptions["writeCopy"],
): void {
  if (!write) return;
  try {
    write(path, bytes);
    outcome.annotated = path;
  } catch (error) {
    outcome.annotated = null;
    outcome.annotateError = {
      code: "annotate-write-failed",
      message: `未能写入批注副本“${path}”：${describeWriteError(error)}`,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
