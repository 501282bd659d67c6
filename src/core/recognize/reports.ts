/**
 * Splits a document into the reports it holds. Supervising offices and 汇编 publications put
 * dozens of units' reports in one document; each is recognized and checked on its own. Blocks
 * keep their paragraphIndex/tableIndex, so anchors still point into the whole document.
 *
 * How it decides:
 * 1. A report title (〈单位〉〈年〉年政府信息公开工作年度报告, on one line or two; a centred unit
 *    line right above it belongs to it) starts a new part, unless the part repeats the one
 *    before it in title and figures (the same report pasted twice: repeated content).
 * 2. Within a part, a statutory section heading that was already seen starts a run. A run that
 *    is a report of its own (from 一, four or more sections, two or more statutory tables, a
 *    figure other than 0, tables whose figures differ from the report before) is a new report
 *    without a title; any other run is repeated
 *    content of the report it stands in (an appended template, a body pasted twice).
 *    A statutory table whose labels repeat an earlier table of the same run is repeated too.
 * 3. A part is a report when it has two section headings or a statutory table. Parts before the
 *    first report (a 汇编's cover, 目录) belong to none; later ones join the report before them.
 * 4. With one report or none, the whole document is that report, exactly as before.
 */
import { FORMATS } from "../formats";
import type { SectionId, TableId } from "../formats/types";
import type {
  DocumentSnapshot,
  SnapshotBlock,
  SnapshotParagraph,
  SnapshotTable,
} from "../model/snapshot";
import { normalizeLabel, normalizeProse } from "../text/normalize";
import { findSections } from "./sections";
import { classifyText } from "./segment";

/** A part of a report that appears again with no new title between. */
export interface RepeatedPart {
  /** Sections whose headings recur, in document order (may be empty). */
  sections: SectionId[];
  /** Statutory tables that recur. */
  tables: TableId[];
  /** How many times the part has appeared up to this occurrence (2 for the first repeat). */
  occurrence: number;
  /** The recurring headings' paragraphs (this occurrence). */
  paragraphs: number[];
  /** The recurring tables' ordinals (this occurrence; -1 for a table in a text box). */
  tableIndices: number[];
  /** Positions in the document's blocks of the repeated content: left out of recognition. */
  blocks: number[];
}

export interface ReportSegment {
  /** The report's blocks, in document order, with their original indices. */
  snapshot: DocumentSnapshot;
  /** The title's paragraph, else the segment's first paragraph; null for none. */
  startParagraph: number | null;
  repeated: RepeatedPart[];
}

export interface Segmentation {
  /** False when the whole document is one report (or holds none). */
  several: boolean;
  reports: ReportSegment[];
}

const SECTIONS = FORMATS["2021"].sections;
const ORDINAL = new Map(SECTIONS.map((s) => [s.id, s.ordinal]));

interface TableInfo {
  kinds: Map<TableId, Set<string>>;
  figures: string[];
}

interface BlockInfo {
  block: SnapshotBlock;
  section: SectionId | null;
  title: boolean;
  table: TableInfo | null;
}

interface Run {
  start: number;
  end: number;
}

export function segmentReports(snapshot: DocumentSnapshot): Segmentation {
  const infos = describeBlocks(snapshot.blocks);
  const starts = titleStarts(infos);
  const parts: Run[] = [];
  let from = 0;
  for (const start of [...starts, infos.length]) {
    if (start > from) parts.push({ start: from, end: start });
    from = start;
  }
  mergeRepeatedTitles(infos, parts);

  // Runs that are reports of their own split their part; the rest are repeated content.
  const pieces: { run: Run; repeated: RepeatedPart[] }[] = [];
  for (const part of parts) {
    const runs = splitRuns(infos, part);
    let current = {
      run: { ...(runs[0] as Run) },
      repeated: [] as RepeatedPart[],
      runs: [runs[0] as Run],
    };
    const flush = () => {
      current.repeated.unshift(...tableRepeats(infos, current.runs));
      pieces.push({ run: current.run, repeated: current.repeated });
    };
    for (const run of runs.slice(1)) {
      if (isReportOfItsOwn(infos, run, current.runs[0] as Run)) {
        flush();
        current = { run: { ...run }, repeated: [], runs: [run] };
        continue;
      }
      const repeat = repeatOf(infos, run, current.runs);
      if (repeat) current.repeated.push(repeat);
      current.runs.push(run);
      current.run.end = run.end;
    }
    flush();
  }

  // A piece without two sections or a statutory table is front matter or joins the report before.
  const reports: { run: Run; repeated: RepeatedPart[] }[] = [];
  for (const piece of pieces) {
    const last = reports[reports.length - 1];
    if (isReport(infos, piece.run))
      reports.push({ run: { ...piece.run }, repeated: [...piece.repeated] });
    else if (last) {
      last.run.end = piece.run.end;
      last.repeated.push(...piece.repeated);
    }
  }

  // The first occurrence is what is checked; the repeats are the finding.
  const kept = (repeated: RepeatedPart[], from: number, to: number) => {
    const left = new Set(repeated.flatMap((r) => r.blocks));
    const blocks: SnapshotBlock[] = [];
    for (let i = from; i < to; i++) if (!left.has(i)) blocks.push((infos[i] as BlockInfo).block);
    return blocks;
  };
  if (reports.length <= 1) {
    const repeated = reports[0]?.repeated ?? [];
    return {
      several: false,
      reports: [
        {
          snapshot: repeated.length === 0 ? snapshot : { blocks: kept(repeated, 0, infos.length) },
          startParagraph: null,
          repeated,
        },
      ],
    };
  }
  return {
    several: true,
    reports: reports.map(({ run, repeated }) => {
      const blocks = kept(repeated, run.start, run.end);
      const first = blocks.find((b): b is SnapshotParagraph => b.kind === "paragraph");
      return {
        snapshot: { blocks },
        startParagraph: first?.paragraphIndex ?? null,
        repeated,
      };
    }),
  };
}

/**
 * A part that repeats the part before it word for word in its title and figure for figure in
 * its tables is the same report pasted twice, not a second report: it joins the part before,
 * where its recurring sections make it repeated content.
 */
function mergeRepeatedTitles(infos: BlockInfo[], parts: Run[]): void {
  const titleOf = (run: Run) => {
    for (let i = run.start; i < run.end; i++) {
      const info = infos[i] as BlockInfo;
      if (info.title && info.block.kind === "paragraph") return normalizeProse(info.block.text);
    }
    return null;
  };
  const figuresOf = (run: Run) =>
    infos
      .slice(run.start, run.end)
      .flatMap((info) => info.table?.figures ?? [])
      .join(",");
  for (let i = parts.length - 1; i > 0; i--) {
    const before = parts[i - 1] as Run;
    const part = parts[i] as Run;
    const title = titleOf(part);
    const figures = figuresOf(part);
    if (title === null || title !== titleOf(before) || figures === "") continue;
    if (figures !== figuresOf(before)) continue;
    before.end = part.end;
    parts.splice(i, 1);
  }
}

function describeBlocks(blocks: SnapshotBlock[]): BlockInfo[] {
  const paragraphs = blocks.filter((b): b is SnapshotParagraph => b.kind === "paragraph");
  const nextText = new Map<SnapshotParagraph, string>();
  let previous: SnapshotParagraph | null = null;
  for (const p of paragraphs) {
    if (p.text.trim() === "") continue;
    if (previous) nextText.set(previous, p.text);
    previous = p;
  }
  return blocks.map((block) => {
    if (block.kind === "table")
      return { block, section: null, title: false, table: describeTable(block) };
    const section = sectionHeading(block);
    return {
      block,
      section,
      title: section === null && isTitleStart(block.text, nextText.get(block) ?? ""),
      table: null,
    };
  });
}

/** A heading that restarts a report: numbered with its own ordinal, or its exact title as a heading. */
function sectionHeading(paragraph: SnapshotParagraph): SectionId | null {
  if (paragraph.text.length > 60) return null;
  const match = findSections([paragraph], SECTIONS)[0];
  if (!match) return null;
  if (match.writtenOrdinal === ORDINAL.get(match.id)) return match.id;
  if (match.quality === "exact" && paragraph.headingLevel !== null) return match.id;
  return null;
}

const TITLE = /(?:信息公开|政务公开).*(?:年度报告|年报)(?:[(（][^)）]{0,20}[)）])?$/;
const SENTENCE = /[。，,；;：:！!？?]/;
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[(（]|\d+[、.．])/;

/** A report title: on its own line, or broken over this line and the next. */
export function isTitleStart(text: string, next: string): boolean {
  const line = normalizeProse(text).replace(/\s+/g, "");
  if (line === "" || line.length > 60 || SENTENCE.test(line) || NUMBERED.test(line)) return false;
  // The template's placeholder title is no unit's report: 插入模板 in a finished report.
  if (!/信息公开|政务公开/.test(line) || line.includes("单位名称")) return false;
  if (TITLE.test(line)) return true;
  const joined = line + normalizeProse(next).replace(/\s+/g, "");
  return joined.length <= 60 && !SENTENCE.test(joined) && TITLE.test(joined);
}

function titleStarts(infos: BlockInfo[]): number[] {
  const starts: number[] = [];
  infos.forEach((info, i) => {
    if (info.title) starts.push(unitLineBefore(infos, i, starts[starts.length - 1] ?? -1) ?? i);
  });
  return starts;
}

/** 公文 titles put the unit on a centred line of its own above 〈年〉年…年度报告: it starts the report. */
function unitLineBefore(infos: BlockInfo[], title: number, floor: number): number | null {
  const line = infos[title]?.block;
  if (line?.kind !== "paragraph" || line.alignment !== "center") return null;
  for (let i = title - 1; i > floor; i--) {
    const info = infos[i] as BlockInfo;
    if (info.block.kind !== "paragraph") return null;
    const text = info.block.text.trim();
    if (text === "") continue;
    const isUnit =
      info.block.alignment === "center" &&
      text.length <= 30 &&
      !SENTENCE.test(text) &&
      !NUMBERED.test(text) &&
      info.section === null &&
      !info.title;
    return isUnit ? i : null;
  }
  return null;
}

const FIGURE = /^-?\d+(?:\.\d+)?$/;

function describeTable(table: SnapshotTable): TableInfo | null {
  const labels = new Map<TableId, Set<string>>();
  const figures: string[] = [];
  for (const row of table.rows)
    for (const cell of row.cells) {
      const label = normalizeLabel(cell.text);
      if (FIGURE.test(label)) {
        figures.push(label);
        continue;
      }
      const kind = label === "" ? null : classifyText(label);
      if (!kind) continue;
      const set = labels.get(kind) ?? new Set<string>();
      set.add(label);
      labels.set(kind, set);
    }
  const kinds = new Map([...labels].filter(([, set]) => set.size >= 2));
  return kinds.size > 0 ? { kinds, figures } : null;
}

/** A part of a part: from its start, or from a section heading already seen, to the next. */
function splitRuns(infos: BlockInfo[], part: Run): Run[] {
  const runs: Run[] = [{ start: part.start, end: part.end }];
  let seen = new Set<SectionId>();
  for (let i = part.start; i < part.end; i++) {
    const section = infos[i]?.section;
    if (!section) continue;
    if (seen.has(section)) {
      (runs[runs.length - 1] as Run).end = i;
      runs.push({ start: i, end: part.end });
      seen = new Set();
    }
    seen.add(section);
  }
  return runs;
}

function sectionsIn(infos: BlockInfo[], run: Run): { id: SectionId; paragraph: number }[] {
  const found: { id: SectionId; paragraph: number }[] = [];
  for (let i = run.start; i < run.end; i++) {
    const info = infos[i] as BlockInfo;
    if (info.section && info.block.kind === "paragraph")
      found.push({ id: info.section, paragraph: info.block.paragraphIndex });
  }
  return found;
}

interface TableAt {
  info: TableInfo;
  tableIndex: number;
  position: number;
}

function tablesIn(infos: BlockInfo[], run: Run): TableAt[] {
  const found: TableAt[] = [];
  for (let i = run.start; i < run.end; i++) {
    const info = infos[i] as BlockInfo;
    if (info.table && info.block.kind === "table")
      found.push({ info: info.table, tableIndex: info.block.tableIndex, position: i });
  }
  return found;
}

function isReport(infos: BlockInfo[], run: Run): boolean {
  return (
    new Set(sectionsIn(infos, run).map((s) => s.id)).size >= 2 || tablesIn(infos, run).length > 0
  );
}

/**
 * A run with the body of a whole report, starting again at 一, whose statutory tables hold
 * figures other than those of the same tables in the report before.
 */
function isReportOfItsOwn(infos: BlockInfo[], run: Run, before: Run): boolean {
  const sections = sectionsIn(infos, run);
  const tables = tablesIn(infos, run);
  if (sections[0]?.id !== "一" || new Set(sections.map((s) => s.id)).size < 4) return false;
  if (tables.length < 2) return false;
  if (!tables.some((t) => t.info.figures.some((f) => Number(f) !== 0))) return false;
  const figuresOf = (list: { info: TableInfo }[], kind: TableId) =>
    list
      .filter((t) => t.info.kinds.has(kind))
      .flatMap((t) => t.info.figures)
      .join(" ");
  const earlier = tablesIn(infos, before);
  return (["table2", "table3", "table4"] as const).some(
    (kind) => figuresOf(tables, kind) !== figuresOf(earlier, kind),
  );
}

/** What of an earlier run recurs in this one: its sections and statutory tables. */
function repeatOf(infos: BlockInfo[], run: Run, earlier: Run[]): RepeatedPart | null {
  const count = <T>(items: T[], item: T) => items.filter((x) => x === item).length;
  const earlierSections = earlier.flatMap((r) => sectionsIn(infos, r).map((s) => s.id));
  const earlierTables = earlier.flatMap((r) =>
    tablesIn(infos, r).flatMap((t) => [...t.info.kinds.keys()]),
  );
  const sections = sectionsIn(infos, run).filter((s) => earlierSections.includes(s.id));
  const tables = tablesIn(infos, run).filter((t) =>
    [...t.info.kinds.keys()].some((k) => earlierTables.includes(k)),
  );
  if (sections.length === 0 && tables.length === 0) return null;
  const ids = [...new Set(sections.map((s) => s.id))];
  const kinds = [...new Set(tables.flatMap((t) => [...t.info.kinds.keys()]))].filter((k) =>
    earlierTables.includes(k),
  );
  const repeatedSections = new Set(ids);
  const blocks: number[] = [];
  let current: SectionId | null = null;
  for (let i = run.start; i < run.end; i++) {
    current = infos[i]?.section ?? current;
    if (current !== null && repeatedSections.has(current)) blocks.push(i);
  }
  const occurrence =
    1 +
    Math.max(
      ...ids.map((id) => count(earlierSections, id)),
      ...kinds.map((k) => count(earlierTables, k)),
    );
  return {
    sections: ids,
    tables: kinds,
    occurrence,
    paragraphs: sections.map((s) => s.paragraph),
    tableIndices: tables.map((t) => t.tableIndex),
    blocks,
  };
}

/**
 * A statutory table whose labels repeat those of an earlier table of the same kind in the same
 * run (not in another section run: repeatOf covers those). A table split over two Word tables
 * shares few labels between its halves; a copy shares nearly all.
 */
function tableRepeats(infos: BlockInfo[], runs: Run[]): RepeatedPart[] {
  const repeats: RepeatedPart[] = [];
  for (const run of runs) {
    const seen: { kind: TableId; labels: Set<string> }[] = [];
    for (const { info, tableIndex, position } of tablesIn(infos, run)) {
      for (const [kind, labels] of info.kinds) {
        const copies = seen.filter((s) => s.kind === kind && sameLabels(s.labels, labels));
        if (copies.length > 0 && labels.size >= 4)
          repeats.push({
            sections: [],
            tables: [kind],
            occurrence: copies.length + 1,
            paragraphs: [],
            tableIndices: [tableIndex],
            blocks: [position],
          });
        seen.push({ kind, labels });
      }
    }
  }
  return repeats;
}

function sameLabels(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const label of a) if (b.has(label)) shared++;
  return shared / Math.max(a.size, b.size) >= 0.8;
}

/** Unit names compared as the command line matches last year's reports: 人民政府 aside. */
export function unitKey(unit: string): string {
  return normalizeLabel(unit).replace(/人民政府$|政府$/, "");
}
