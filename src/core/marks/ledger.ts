/**
 * The ledger of our marks, stored in the document (a custom XML part in Word and WPS alike) so
 * that 清除标记 restores exactly what was there, even in a later session or on another machine,
 * and never touches what the user changed after we marked it.
 */
import { z } from "zod";
import { readPartXml } from "../ooxml/part-xml";
import { anchorKey, anchorPosition } from "../recognize/anchor";
import type { CellAnchor, NestingStep } from "../recognize/model";
import type { Finding, Severity } from "../rules/types";
import type { CellMeaning } from "./locate";
import { escapeXml, withoutForbiddenXmlChars } from "../ooxml/escape";

/**
 * The namespace never changes, so every reader finds the part; `version` says what its entries
 * hold. 1 (no attribute): positions only. 2: each entry also says what the cell is (statutory
 * table, row key, column key), which readers of version 1 ignore as unknown attributes. 3: an
 * entry may be a cell of a nested table (attribute `nesting`, the path of CellAnchor.nesting).
 * A reader of version 2 would take such an entry for the cell of the top-level table at its
 * position, so a ledger holding one is written as version 3, which such a reader leaves alone;
 * any other ledger is still written as version 2. A version above LEDGER_VERSION means entries
 * we cannot interpret: the part is left untouched.
 */
export const LEDGER_NAMESPACE = "urn:nianbao:ledger:1";
export const LEDGER_VERSION = 3;
/** The version of a ledger without nested cells, which readers of version 2 understand. */
const FLAT_LEDGER_VERSION = 2;

const colorPattern = /^#[0-9A-F]{6}$/;
const color = z.string().regex(colorPattern);
const tableId = z.enum(["table2", "table3", "table4"]);

export const cellMarkSchema = z
  .object({
    /** Where the cell was when marked: only a hint once the document is edited. */
    tableIndex: z.number().int().nonnegative(),
    rowIndex: z.number().int().nonnegative(),
    cellIndex: z.number().int().nonnegative(),
    /** The path to a nested table's cell (CellAnchor.nesting); absent for a top-level cell. */
    nesting: z
      .array(
        z
          .object({
            rowIndex: z.number().int().nonnegative(),
            cellIndex: z.number().int().nonnegative(),
            tableOrdinal: z.number().int().nonnegative(),
          })
          .strict(),
      )
      .min(1)
      .optional(),
    /** The cell's shading before we marked it; null when it had none. */
    original: color.nullable(),
    /** The shading we applied. */
    applied: color,
    /** The cell's text when marked: which of several candidates is ours, and for the report. */
    text: z.string(),
    /** The statutory table the cell belongs to, when recognition placed it in one. */
    table: tableId.optional(),
    /** The statutory row and column keys of a data cell (a label cell has none). */
    row: z.string().min(1).optional(),
    column: z.string().min(1).optional(),
  })
  .strict();

export type CellMark = z.infer<typeof cellMarkSchema>;

/** A ledger entry that could not be read: skipped, and reported so the user can look. */
export interface UnreadableMark {
  /** The cell's text as recorded, when it could be read. */
  text: string | null;
  /** Why, for the log (not shown as is). */
  reason: string;
}

export interface Ledger {
  cells: CellMark[];
  /** The text of each comment we wrote: ours are deleted by text, one per entry. */
  comments: string[];
  /** Entries skipped on reading; never written back. */
  unreadable?: UnreadableMark[];
  /**
   * Set when the part was written by a newer version than this one understands: cells and
   * comments are then empty, and nothing may be written over the part.
   */
  newerVersion?: string;
}

export const EMPTY_LEDGER: Ledger = { cells: [], comments: [] };

export const MARK_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

export function ledgerToXml(ledger: Ledger): string {
  const cells = ledger.cells
    .map((c) => {
      const meaning =
        (c.table ? ` key-table="${c.table}"` : "") +
        (c.row ? ` key-row="${escapeXml(c.row)}"` : "") +
        (c.column ? ` key-column="${escapeXml(c.column)}"` : "");
      const nesting = c.nesting?.length ? ` nesting="${nestingToText(c.nesting)}"` : "";
      return `<cell table="${c.tableIndex}" row="${c.rowIndex}" index="${c.cellIndex}"${nesting}${meaning} original="${c.original ?? ""}" applied="${c.applied}" text="${escapeXml(c.text)}"/>`;
    })
    .join("");
  const comments = ledger.comments.map((text) => `<comment text="${escapeXml(text)}"/>`).join("");
  const version = ledger.cells.some((c) => c.nesting?.length)
    ? LEDGER_VERSION
    : FLAT_LEDGER_VERSION;
  return `<ledger xmlns="${LEDGER_NAMESPACE}" version="${version}">${cells}${comments}</ledger>`;
}

/** A nesting path as an attribute: "row.cell.table" per step, steps separated by spaces. */
function nestingToText(nesting: NestingStep[]): string {
  return nesting.map((s) => `${s.rowIndex}.${s.cellIndex}.${s.tableOrdinal}`).join(" ");
}

/** The path of a `nesting` attribute; a malformed one gives a value the schema refuses. */
function nestingFromText(text: string): unknown {
  return text
    .trim()
    .split(/\s+/)
    .map((step) => {
      const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(step);
      return match
        ? {
            rowIndex: Number(match[1]),
            cellIndex: Number(match[2]),
            tableOrdinal: Number(match[3]),
          }
        : { malformed: step };
    });
}

type Attributes = Record<string, string>;
interface Element {
  name: string;
  attributes: Attributes;
}

/**
 * The ledger in a part's XML, or null when the part is not a ledger at all. Entries are read
 * one by one: an entry that cannot be read is skipped and listed in `unreadable`, the others
 * are kept. A ledger of a newer version comes back with only `newerVersion` set.
 */
export function ledgerFromXml(xml: string): Ledger | null {
  const elements = readElements(xml);
  const root = elements?.[0];
  if (!elements || !root || !isLedgerRoot(root)) return null;
  const newer = newerVersion(root.attributes);
  if (newer !== null) return { cells: [], comments: [], newerVersion: newer };

  const cells: CellMark[] = [];
  const comments: string[] = [];
  const unreadable: UnreadableMark[] = [];
  for (const element of elements.slice(1)) {
    if ("error" in element) unreadable.push({ text: null, reason: element.error });
    else if (localName(element.name) === "cell") {
      const entry = markFromAttributes(element.attributes);
      if ("mark" in entry) cells.push(entry.mark);
      else unreadable.push(entry.unreadable);
    } else if (localName(element.name) === "comment" && element.attributes.text)
      comments.push(element.attributes.text);
  }
  return { cells, comments, ...(unreadable.length > 0 ? { unreadable } : {}) };
}

function isLedgerRoot(element: Element | { error: string }): element is Element {
  if ("error" in element || localName(element.name) !== "ledger") return false;
  const prefix = element.name.includes(":") ? `:${element.name.split(":")[0]}` : "";
  return /^urn:nianbao:ledger:\d+$/.test(element.attributes[`xmlns${prefix}`] ?? "");
}

/** The version of a ledger newer than ours, or null when we understand it. */
function newerVersion(attributes: Attributes): string | null {
  const namespace = Object.entries(attributes).find(
    ([name, value]) => /^xmlns(:|$)/.test(name) && value.startsWith("urn:nianbao:ledger:"),
  )?.[1];
  if (namespace !== LEDGER_NAMESPACE) return namespace?.replace("urn:nianbao:ledger:", "") ?? "?";
  const version = attributes.version;
  if (version === undefined) return null;
  return /^\d+$/.test(version) && Number(version) <= LEDGER_VERSION ? null : version;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * The part's elements in order, the root first: parsed as a whole when it is well-formed,
 * else element by element, so one damaged entry costs only itself. Characters XML forbids
 * (raw or as references) are dropped first: older writers let them through in cell text.
 */
function readElements(xml: string): (Element | { error: string })[] | null {
  // A DTD is never ours, and could make the salvage below read what the parser refused.
  if (/<!DOCTYPE/i.test(xml)) return null;
  const cleaned = withoutForbiddenXmlChars(xml).replace(
    /&#(x[0-9a-fA-F]+|[0-9]+);/g,
    (reference, code: string) =>
      withoutForbiddenXmlChars(String.fromCodePoint(toCodePoint(code))) === "" ? "" : reference,
  );
  const whole: Element[] = [];
  const wellFormed = readPartXml(cleaned, "ledger", (name, attributes) =>
    whole.push({ name, attributes: { ...attributes } }),
  );
  return wellFormed ? whole : salvage(cleaned);
}

function toCodePoint(code: string): number {
  const value = code.startsWith("x") ? parseInt(code.slice(1), 16) : parseInt(code, 10);
  return Number.isFinite(value) && value <= 0x10ffff ? value : 0;
}

const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;

/** Each start tag of a damaged part read on its own; a tag that does not parse is an error. */
function salvage(xml: string): (Element | { error: string })[] | null {
  const elements: (Element | { error: string })[] = [];
  for (const match of xml.matchAll(START_TAG)) {
    const [, name = "", attributes = ""] = match;
    let element: Element | null = null;
    const ok = readPartXml(`<${name}${attributes}/>`, "ledger entry", (n, a) => {
      element ??= { name: n, attributes: { ...a } };
    });
    elements.push(ok && element ? element : { error: `unreadable element <${name}>` });
  }
  // Entries that are not even a tag (a truncated one) leave a trace we can count.
  const stray = xml.replace(START_TAG, "").match(/<(cell|comment)\b/g) ?? [];
  for (const tag of stray) elements.push({ error: `damaged element ${tag}` });
  return elements.length > 0 ? elements : null;
}

/** Reads one entry; a colour in lower case is taken in upper case, anything else bad is refused. */
function markFromAttributes(
  attributes: Attributes,
): { mark: CellMark } | { unreadable: UnreadableMark } {
  const upper = (value: string | undefined) =>
    value !== undefined && /^#[0-9a-fA-F]{6}$/.test(value) ? value.toUpperCase() : value;
  const integer = (value: string | undefined) =>
    value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
  const candidate = {
    tableIndex: integer(attributes.table),
    rowIndex: integer(attributes.row),
    cellIndex: integer(attributes.index),
    ...(attributes.nesting !== undefined && { nesting: nestingFromText(attributes.nesting) }),
    original: attributes.original ? upper(attributes.original) : null,
    applied: upper(attributes.applied),
    text: attributes.text ?? "",
    ...(attributes["key-table"] !== undefined && { table: attributes["key-table"] }),
    ...(attributes["key-row"] !== undefined && { row: attributes["key-row"] }),
    ...(attributes["key-column"] !== undefined && { column: attributes["key-column"] }),
  };
  const parsed = cellMarkSchema.safeParse(candidate);
  if (parsed.success) return { mark: parsed.data };
  const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
  return { unreadable: { text: attributes.text ?? null, reason: `bad ${fields}` } };
}

/** What a host observes of a cell: its shading and text. */
export interface ObservedCell {
  shading: string | null;
  text: string;
}

/** The cells to shade for these findings, each once, in the colour of its most severe finding. */
export function planMarks(
  findings: Finding[],
  observe: (anchor: CellAnchor) => ObservedCell | null,
  /** What recognition makes of the cell, recorded so that it is found again by meaning. */
  meaningOf: (anchor: CellAnchor) => CellMeaning | null = () => null,
): CellMark[] {
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const chosen = new Map<string, { anchor: CellAnchor; severity: Severity }>();
  for (const finding of findings) {
    if (finding.severity === "info" || !("table" in finding.location)) continue;
    for (const anchor of finding.anchors) {
      if (anchor.kind !== "cell") continue;
      const key = anchorKey(anchor);
      const current = chosen.get(key);
      if (!current || rank[finding.severity] > rank[current.severity])
        chosen.set(key, { anchor, severity: finding.severity });
    }
  }
  const marks: CellMark[] = [];
  for (const { anchor, severity } of chosen.values()) {
    const cell = observe(anchor);
    if (!cell) continue;
    const meaning = meaningOf(anchor);
    marks.push({
      ...anchorPosition(anchor),
      ...(meaning && {
        table: meaning.table,
        ...(meaning.row && meaning.column && { row: meaning.row, column: meaning.column }),
      }),
      original: cell.shading ? cell.shading.toUpperCase() : null,
      applied: MARK_COLORS[severity],
      text: withoutForbiddenXmlChars(cell.text),
    });
  }
  return marks;
}

/**
 * One ledger from every ledger part a document holds. Hosts replace the part by adding the new
 * one before deleting the old, so a failed delete leaves two; reading only one of them would
 * drop the other's marks while their colour stays in the document. Cells are united (exact
 * duplicates once), each comment text counted as often as the part that holds it most; a part
 * written by a newer version makes the whole ledger one to leave alone.
 */
export function mergeLedgerParts(xmls: string[]): Ledger {
  const ledgers = xmls.map(ledgerFromXml).filter((l): l is Ledger => l !== null);
  const newer = ledgers.find((l) => l.newerVersion !== undefined);
  if (newer) return newer;
  if (ledgers.length <= 1) return ledgers[0] ?? EMPTY_LEDGER;
  const cells = new Map<string, CellMark>();
  const comments = new Map<string, number>();
  const unreadable: UnreadableMark[] = [];
  for (const ledger of ledgers) {
    for (const cell of ledger.cells) cells.set(JSON.stringify(cell), cell);
    const counts = new Map<string, number>();
    for (const text of ledger.comments) counts.set(text, (counts.get(text) ?? 0) + 1);
    for (const [text, count] of counts)
      comments.set(text, Math.max(count, comments.get(text) ?? 0));
    unreadable.push(...(ledger.unreadable ?? []));
  }
  return {
    cells: [...cells.values()],
    comments: [...comments].flatMap(([text, count]) => Array<string>(count).fill(text)),
    ...(unreadable.length > 0 ? { unreadable } : {}),
  };
}
