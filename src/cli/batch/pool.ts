/**
 * Checks many files on all cores. Each worker reads and checks one file at a time and sends
 * back its findings (and, with --annotate, the copy's bytes, handed over, not copied), so memory
 * stays flat however many files there are. Every file is written here, in the main thread,
 * synchronously and atomically: an interruption is handled between two writes, never inside one.
 * Each worker's heap is capped (WORKER_HEAP_MB): the reader's limits keep a file well under it,
 * and should a file still exhaust it, that file gets a per-file error and a fresh worker takes
 * the next file. Without a built worker script (tests running the sources) it checks in this
 * thread, yielding between files so that Ctrl-C is handled promptly.
 */
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import {
  checkFile,
  inputName,
  type CheckInput,
  type CheckedFile,
  type CheckExtras,
  type FileOutcome,
  type PreviousReports,
} from "../check-file";
import type { RuleSettings } from "../rule-settings";
import { copyCandidate, CopyRefused, nameKey } from "../output-target";
import { describeWriteError } from "../safe-write";
import { COPY, TARGET } from "../strings";

export interface BatchOptions {
  jobs?: number;
  previous?: PreviousReports;
  /** --config and --rule: which rules run, how, with which limits. */
  settings?: RuleSettings;
  /** Similarity threshold and fingerprints (--similarity-threshold, --cross-similarity). */
  extras?: CheckExtras;
  /** Output path of each file's annotated copy, by index. */
  annotateTo?: (string | null)[];
  /**
   * Writes one copy; throws when it cannot (the file then gets a per-file annotate error).
   * CopyRefused: the name was taken during the run; the copy then goes to the next free name.
   */
  writeCopy?: (path: string, bytes: Uint8Array) => void;
  onStart?: (file: string) => void;
  onDone?: (outcome: FileOutcome, done: number) => void;
}

const WORKER = join(__dirname, "worker.js");
/** Old-generation heap of one worker: the 300 MB a worker may use, less V8's own overhead. */
export const WORKER_HEAP_MB = 192;

export async function checkFiles(
  files: CheckInput[],
  options: BatchOptions = {},
): Promise<FileOutcome[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? cpus().length, files.length));
  const previous = options.previous ?? { kind: "none" };
  const copyPath = (index: number) => options.annotateTo?.[index] ?? null;
  const outcomes = new Array<FileOutcome>(files.length);
  // Every planned name and every name written: a copy moved on at write time takes none of them.
  const claimed = new Set(
    (options.annotateTo ?? []).flatMap((path) => (path === null ? [] : [nameKey(path)])),
  );
  let done = 0;
  const finish = (index: number, { outcome, annotated }: CheckedFile) => {
    const path = copyPath(index);
    if (path && annotated)
      saveCopy(outcome, inputName(files[index] as CheckInput), path, annotated, {
        write: options.writeCopy,
        claimed,
      });
    outcomes[index] = outcome;
    options.onDone?.(outcome, ++done);
  };
  if (!existsSync(WORKER)) {
    for (const [index, file] of files.entries()) {
      await new Promise((resolve) => setImmediate(resolve));
      options.onStart?.(inputName(file));
      finish(
        index,
        checkFile(file, previous, copyPath(index) !== null, options.settings, options.extras),
      );
    }
    return outcomes;
  }
  let next = 0;
  await Promise.all(
    Array.from(
      { length: jobs },
      () =>
        new Promise<void>((resolve) => {
          let worker: Worker;
          let current = -1;
          const feed = () => {
            if (next >= files.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            current = next++;
            options.onStart?.(inputName(files[current] as CheckInput));
            worker.postMessage({
              index: current,
              file: files[current],
              annotate: copyPath(current) !== null,
            });
          };
          const start = () => {
            worker = new Worker(WORKER, {
              workerData: {
                previous,
                settings: options.settings ?? {},
                extras: options.extras ?? {},
              },
              resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
            });
            worker.on("message", ({ index, checked }: { index: number; checked: CheckedFile }) => {
              finish(index, checked);
              feed();
            });
            // A worker that dies (out of memory, most likely) fails its file, not the batch.
            worker.on("error", (error) => {
              if (current >= 0 && outcomes[current] === undefined)
                finish(current, {
                  outcome: crashedOutcome(inputName(files[current] as CheckInput), error),
                });
              start();
              feed();
            });
          };
          start();
          feed();
        }),
    ),
  );
  return outcomes;
}

function crashedOutcome(file: string, error: Error): FileOutcome {
  const outOfMemory = (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
  return {
    file,
    status: "unreadable",
    format: "unknown",
    year: null,
    unit: null,
    error: {
      code: outOfMemory ? "out-of-memory" : "crashed",
      message: outOfMemory ? COPY.outOfMemory : COPY.crashed,
      detail: error.message,
    },
    findings: [],
    previous: null,
  };
}

/** How many further names a copy whose name was taken during the run tries. */
const COPY_NAMES_TRIED = 100;

function saveCopy(
  outcome: FileOutcome,
  source: string,
  path: string,
  bytes: Uint8Array,
  { write, claimed }: { write: BatchOptions["writeCopy"]; claimed: Set<string> },
): void {
  if (!write) return;
  let target = path;
  let n = 1;
  for (;;) {
    try {
      write(target, bytes);
      outcome.annotated = target;
      claimed.add(nameKey(target));
      if (target !== path) outcome.copyKept = { kept: path, written: target };
      return;
    } catch (error) {
      if (error instanceof CopyRefused) {
        // Taken meanwhile by a file that is not ours: kept, and the copy goes to the next free
        // name, as planning does.
        let next: string | null = null;
        while (next === null && n < COPY_NAMES_TRIED) {
          const candidate = copyCandidate(source, dirname(path), ++n);
          if (!claimed.has(nameKey(candidate))) next = candidate;
        }
        if (next !== null) {
          target = next;
          continue;
        }
      }
      outcome.annotated = null;
      outcome.annotateError =
        error instanceof CopyRefused
          ? {
              code: error.code,
              message: COPY.writeFailed(path, TARGET.copyRefused),
              detail: error.message,
            }
          : {
              code: "annotate-write-failed",
              message: COPY.writeFailed(target, describeWriteError(error)),
              detail: error instanceof Error ? error.message : String(error),
            };
      return;
    }
  }
}
