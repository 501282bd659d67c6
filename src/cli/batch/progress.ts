/** The progress line of a batch, on a terminal only: files done / total, errors so far, current file. */
import { basename } from "node:path";
import { SingleBar } from "cli-progress";
import type { FileOutcome } from "../check-file";
import { sanitizeText } from "../sanitize";
import { COPY } from "../strings";

export interface Progress {
  start(file: string): void;
  done(outcome: FileOutcome, count: number): void;
  stop(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream): Progress {
  const bar = new SingleBar({
    stream,
    format: COPY.progress,
    barCompleteChar: "█",
    barIncompleteChar: "░",
    barsize: 24,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  let withErrors = 0;
  let unreadable = 0;
  bar.start(total, 0, { withErrors, unreadable, file: "" });
  return {
    start: (file) => bar.update({ file: sanitizeText(basename(file)) }),
    done: (outcome, count) => {
      if (outcome.error) unreadable++;
      else if (outcome.findings.some((f) => f.severity === "error")) withErrors++;
      bar.update(count, { withErrors, unreadable });
    },
    stop: () => bar.stop(),
  };
}
