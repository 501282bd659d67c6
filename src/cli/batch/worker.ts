/** A batch worker: checks the files it is sent, one at a time. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type PreviousReports } from "../check-file";

const { previous } = workerData as { previous: PreviousReports };

parentPort?.on(
  "message",
  ({ index, file, annotateTo }: { index: number; file: string; annotateTo: string | null }) => {
    parentPort?.postMessage({ index, outcome: checkFile(file, previous, annotateTo) });
  },
);
