/** Snapshot → ReportModel: sections, title, period, format, and the three statutory tables. */
import { FORMATS, formatForYear, formatSpec, type FormatId } from "../formats";
import { normalizeLabel } from "../text/normalize";
import type { TableId } from "../formats/types";
import type { DocumentSnapshot, SnapshotParagraph, SnapshotTable } from "../model/snapshot";
import { originsIn, type GridRow } from "./grid";
import type { BodyParagraph, ReportModel, SectionMatch } from "./model";
import { findSections } from "./sections";
import { segmentTables, type StatutoryRows } from "./segment";
import { readTable2 } from "./table2";
import { readTable3 } from "./table3";
import { readTable4 } from "./table4";
import { findPeriod, findTitle } from "./title";

const LAYOUT_WORDS: Record<FormatId, RegExp> = {
  "2021": /本年制发件数|本年废止件数|现行有效件|本年收费金额|逾期不补正|逾期未按收费通知/,
  "2019":
    /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/?减|政府集中采购|对外管理服务事项|采购项目数量|采购总金额/,
};

export function recognize(snapshot: DocumentSnapshot): ReportModel {
  const paragraphs = snapshot.blocks.filter((b): b is SnapshotParagraph => b.kind === "paragraph");
  const tables = snapshot.blocks.filter((b): b is SnapshotTable => b.kind === "table");
  const sections = findSections(paragraphs, FORMATS["2021"].sections);
  const firstHeading = sections[0]?.paragraphIndex ?? Number.POSITIVE_INFINITY;
  const title = findTitle(paragraphs.filter((p) => p.paragraphIndex < firstHeading));
  const period = findPeriod(paragraphs);
  const year = title?.year ?? period?.startYear ?? period?.endYear ?? null;

  const statutoryRows = segmentTables(tables, sectionOfTable(snapshot, sections));
  const layoutEvidence = collectLayoutEvidence(statutoryRows);
  const format = decideFormat(layoutEvidence, year);
  const spec = formatSpec(format);

  return {
    format,
    spec,
    layoutEvidence,
    year,
    title,
    period,
    sections,
    paragraphs: bodyParagraphs(paragraphs, sections),
    tables: {
      ...(statutoryRows.table2 && { table2: readTable2(statutoryRows.table2, spec.table2) }),
      ...(statutoryRows.table3 && { table3: readTable3(statutoryRows.table3, spec.table3) }),
      ...(statutoryRows.table4 && { table4: readTable4(statutoryRows.table4, spec.table4) }),
    },
  };
}

function collectLayoutEvidence(rows: StatutoryRows): Record<FormatId, string[]> {
  const evidence: Record<FormatId, string[]> = { "2021": [], "2019": [] };
  const labels = [...(rows.table2 ?? []), ...(rows.table3 ?? [])].flatMap((row) =>
    originsIn(row)
      .filter((s) => s.originRow === row.rowIndex)
      .map((s) => ({ label: normalizeLabel(s.cell.text), text: s.cell.text.trim() })),
  );
  for (const { label, text } of labels) {
    if (label.length < 4) continue; // figures, blanks and short labels carry no layout words
    for (const id of ["2021", "2019"] as const)
      if (LAYOUT_WORDS[id].test(label)) evidence[id].push(text);
  }
  if (rows.table3 && hasSingleOtherRow(rows.table3)) evidence["2019"].push("（六）其他处理");
  return evidence;
}

/** The trial layout has （六）其他处理 as one data row; the 2021 layout splits it in three. */
function hasSingleOtherRow(rows: GridRow[]): boolean {
  return rows.some((row) => {
    const origins = originsIn(row).filter((s) => s.originRow === row.rowIndex);
    const index = origins.findIndex((s) => /^\(六\)其他处理$/.test(normalizeLabel(s.cell.text)));
    return (
      index >= 0 && origins[index]?.cell.verticalMerge !== "restart" && origins.length - index >= 7
    );
  });
}

function decideFormat(
  evidence: Record<FormatId, string[]>,
  year: number | null,
): FormatId | "unknown" {
  const newer = evidence["2021"].length;
  const older = evidence["2019"].length;
  if (newer !== older) return newer > older ? "2021" : "2019";
  if (year !== null) return formatForYear(year);
  return newer > 0 ? "2021" : "unknown";
}

function bodyParagraphs(
  paragraphs: SnapshotParagraph[],
  sections: SectionMatch[],
): BodyParagraph[] {
  const headings = new Map(sections.map((s) => [s.paragraphIndex, s.id]));
  let current: BodyParagraph["section"] = null;
  return paragraphs.map((p) => {
    const heading = headings.get(p.paragraphIndex);
    if (heading) current = heading;
    return {
      paragraphIndex: p.paragraphIndex,
      text: p.text,
      section: current,
      isHeading: heading !== undefined || p.headingLevel !== null,
    };
  });
}

/** The statutory table of the section each Word table stands in. */
function sectionOfTable(
  snapshot: DocumentSnapshot,
  sections: SectionMatch[],
): (table: SnapshotTable) => TableId | null {
  const headings = new Map(sections.map((s) => [s.paragraphIndex, s.id]));
  const byTable = new Map<SnapshotTable, TableId | null>();
  let current: TableId | null = null;
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") {
      const id = headings.get(block.paragraphIndex);
      if (id) current = FORMATS["2021"].sections.find((s) => s.id === id)?.table ?? null;
    } else byTable.set(block, current);
  }
  return (table) => byTable.get(table) ?? null;
}
