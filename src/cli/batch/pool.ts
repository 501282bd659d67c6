/**
 * Checks many files on all cores. Each worker reads and checks one file at a time and sends
 * back only its findings, so memory stays flat however many files there are. Without a built
 * worker script (tests running the sources) or for a single file, it checks in this thread.
 */
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { checkFile, type FileOutcome, type PreviousReports } from "../check-file";

export interface BatchOptions {
  jobs?: number;
  previous?: PreviousReports;
  /** Output path of each file's annotated copy, by index. */
  annotateTo?: (string | null)[];
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
  const outcomes: FileOutcome[] = new Array(files.length);
  let done = 0;
  const finish = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    options.onDone?.(outcome, ++done);
  };
  if (jobs === 1 || !existsSync(WORKER)) {
    files.forEach((file, index) => {
      options.onStart?.(file);
      finish(index, checkFile(file, previous, options.annotateTo?.[index] ?? null));
    });
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
            worker.postMessage({
              index,
              file: files[index],
              annotateTo: options.annotateTo?.[index] ?? null,
            });
          };
          worker.on("message", ({ index, outcome }: { index: number; outcome: FileOutcome }) => {
            finish(index, outcome);
            feed();
          });
          worker.on("error", reject);
          feed();
        }),
    ),
  );
  return outcomes;
}
