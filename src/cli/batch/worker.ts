/** A batch worker: checks the files it is sent, one at a time; copies are written by the caller. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type CheckExtras, type CheckInput, type PreviousReports } from "../check-file";
import type { RuleSettings } from "../rule-settings";

const { previous, settings, extras } = workerData as {
  previous: PreviousReports;
  settings: RuleSettings;
  extras: CheckExtras;
};

parentPort?.on(
  "message",
  ({ index, file, annotate }: { index: number; file: CheckInput; annotate: boolean }) => {
    const checked = checkFile(file, previous, annotate, settings, extras);
    const transfer = checked.annotated ? [checked.annotated.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ index, checked }, transfer);
  },
);
