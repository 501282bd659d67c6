/** The pane's notices for what a write to the document did and did not do. */
import type { WriteReport } from "../core";
import type { Notice } from "./Notices";
import { STRINGS } from "./strings";

/** What a write did not do, from its report: nothing is left out silently. */
export function writeNotices(report: WriteReport): Notice[] {
  const notices: Notice[] = [];
  if (report.failure)
    notices.push({
      intent: "error",
      title: STRINGS.failed.title,
      text: STRINGS.partlyDone(report.failure),
    });
  const notMarked = report.skipped.filter((s) => s.write.marks).length;
  const notRestored = report.skipped.filter((s) => !s.write.marks && s.write.restores).length;
  if (notMarked > 0) notices.push({ intent: "warning", text: STRINGS.notMarked(notMarked) });
  if (notRestored > 0) notices.push({ intent: "warning", text: STRINGS.notRestored(notRestored) });
  if (report.recoloured.length > 0)
    notices.push({ intent: "warning", text: STRINGS.recoloured(report.recoloured.length) });
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
