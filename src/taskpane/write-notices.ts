/** The pane's notices for what a write to the document did and did not do. */
import type { SkipReason, WriteReport } from "../core";
import type { Notice } from "./Notices";
import { STRINGS } from "./strings";

const SKIP_REASONS: SkipReason[] = ["text-differs", "not-found", "failed"];

/** What a write did not do, from its report: nothing is left out silently. */
export function writeNotices(report: WriteReport): Notice[] {
  const notices: Notice[] = [];
  if (report.failure)
    notices.push({
      intent: "error",
      title: STRINGS.failed.title,
      text: STRINGS.partlyDone(report.failure),
    });
  for (const reason of SKIP_REASONS) {
    const skipped = report.skipped.filter((s) => s.reason === reason);
    const notMarked = skipped.filter((s) => s.write.marks).length;
    const notRestored = skipped.filter((s) => !s.write.marks && s.write.restores).length;
    if (notMarked > 0)
      notices.push({ intent: "warning", text: STRINGS.notMarked[reason](notMarked) });
    if (notRestored > 0)
      notices.push({ intent: "warning", text: STRINGS.notRestored[reason](notRestored) });
  }
  if (report.recolored.length > 0)
    notices.push({ intent: "warning", text: STRINGS.recolored(report.recolored.length) });
  if (report.uncertain && report.uncertain.length > 0)
    notices.push({ intent: "warning", text: STRINGS.uncertainMarks(report.uncertain.length) });
  if (report.missing.length > 0)
    notices.push({ intent: "info", text: STRINGS.missingCells(report.missing.length) });
  if (report.unreadable.length > 0) {
    const texts = report.unreadable
      .map((u) => u.text?.trim() ?? "")
      .filter((t) => t !== "")
      .slice(0, 5);
    notices.push({
      intent: "warning",
      text: STRINGS.unreadableMarks(report.unreadable.length, texts),
    });
  }
  return notices;
}
