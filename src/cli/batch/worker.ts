/** A batch worker: checks the files it is sent, one at a time; copies are written by the caller. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type CheckExtras, type PreviousReports } from "../check-file";

const { previous, extras } = workerData as { previous: PreviousReports; extras: CheckExtras };

parentPort?.on(
  "message",
  ({ index, file, annotate }: { index: number; file: string; annotate: boolean }) => {
    const checked = checkFile(file, previous, annotate, extras);
    const transfer = checked.annotated ? [checked.annotated.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ index, checked }, transfer);
  },
);
