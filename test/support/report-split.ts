/**
 * Plays the multi-report engine of the contract (CheckResult.reports, Finding.report,
 * Finding.section, Finding.cells) with today's single-report check(), so the pane can be tested
 * on a 汇编 before and after the engine learns to split one: the document is cut at each report
 * title, each part is checked on its own with positions renumbered from zero, and every finding
 * is put back at its document-wide position. Optionally, the blank cells of a table become one
 * finding that lists them, as the draft rule of issue 13 reports them.
 */
import {
  check,
  sectionOfLocation,
  type CheckResult,
  type DocumentSnapshot,
  type Finding,
  type ReportResult,
} from "../../src/core";
import type { SnapshotBlock } from "../../src/core/model/snapshot";

const TITLE = /政府信息公开工作年度报告$/;

function renumber(blocks: SnapshotBlock[], paragraphs: number, tables: number): SnapshotBlock[] {
  return blocks.map((block) =>
    block.kind === "paragraph"
      ? { ...block, paragraphIndex: block.paragraphIndex - paragraphs }
      : { ...block, tableIndex: block.tableIndex < 0 ? -1 : block.tableIndex - tables },
  );
}

function shift(finding: Finding, paragraphs: number, tables: number): Finding {
  const location = finding.location;
  return {
    ...finding,
    location:
      "paragraph" in location
        ? { paragraph: location.paragraph + paragraphs, text: location.text }
        : location,
    anchors: finding.anchors.map((anchor) =>
      anchor.kind === "paragraph"
        ? { ...anchor, paragraphIndex: anchor.paragraphIndex + paragraphs }
        : { ...anchor, tableIndex: anchor.tableIndex + tables },
    ),
  };
}

/** One finding per table for its blank cells, listing each cell with its anchor. */
function groupBlankCells(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  const byTable = new Map<string, Finding>();
  for (const finding of findings) {
    const location = finding.location;
    if (finding.rule !== "cell-blank" || !("table" in location)) {
      out.push(finding);
      continue;
    }
    const cell = {
      row: location.row ?? null,
      column: location.column ?? null,
      ...(finding.expected !== undefined && { expected: finding.expected }),
    };
    const grouped = byTable.get(location.table);
    if (grouped) {
      grouped.cells!.push(cell);
      grouped.anchors.push(...finding.anchors.slice(0, 1));
      grouped.message = `表中有 ${grouped.cells!.length} 个单元格未填写`;
      continue;
    }
    const first: Finding = {
      ...finding,
      location: { table: location.table },
      cells: [cell],
      anchors: finding.anchors.slice(0, 1),
    };
    byTable.set(location.table, first);
    out.push(first);
  }
  return out;
}

export function checkByReports(
  snapshot: DocumentSnapshot,
  options: { groupBlankCells?: boolean } = {},
): CheckResult {
  const starts = snapshot.blocks.flatMap((block, i) =>
    block.kind === "paragraph" && TITLE.test(block.text.trim()) ? [i] : [],
  );
  if (starts[0] !== 0) starts.unshift(0);
  const reports: ReportResult[] = [];
  starts.forEach((start, index) => {
    const blocks = snapshot.blocks.slice(start, starts[index + 1] ?? snapshot.blocks.length);
    const before = snapshot.blocks.slice(0, start);
    const paragraphs = before.filter((b) => b.kind === "paragraph").length;
    const tables = before.filter((b) => b.kind === "table" && b.tableIndex >= 0).length;
    const part = check({ blocks: renumber(blocks, paragraphs, tables) });
    const model = part.model;
    let findings: Finding[] = part.findings.map((finding) => ({
      ...shift(finding, paragraphs, tables),
      report: index,
      section: sectionOfLocation(
        finding.location,
        (p) => model.paragraphs.find((x) => x.paragraphIndex === p)?.section ?? null,
      ),
    }));
    if (options.groupBlankCells) findings = groupBlankCells(findings);
    reports.push({
      index,
      format: part.format,
      year: part.year,
      unit: part.unit,
      startParagraph: paragraphs,
      findings,
      model,
    });
  });
  const first = reports[0]!;
  return {
    format: first.format,
    year: first.year,
    unit: first.unit,
    model: first.model,
    findings: reports.flatMap((r) => r.findings),
    reports,
  };
}

/** The body of a document.xml from the builder, to join several reports into one document. */
export function bodyOf(documentXml: string): string {
  const start = documentXml.indexOf("<w:body>") + "<w:body>".length;
  return documentXml.slice(start, documentXml.indexOf("<w:sectPr"));
}
