/**
 * The host self-test (环境自检): probes of each host behaviour the add-ins rely on, run in the
 * real Word or WPS on scratch content that is removed again. Probes see only the small
 * interfaces below; word-context.ts and wps-context.ts put the hosts' own APIs behind them.
 */

export type ProbeStatus = "passed" | "failed" | "skipped";

export interface ProbeResult {
  id: string;
  /** What was probed, in Chinese. */
  title: string;
  status: ProbeStatus;
  /** What the host did, in words and raw values, for the user to send back. */
  observed: string;
  /** Set when the scratch content could not be removed completely: the user must act. */
  cleanup?: string;
}

export interface ApiSetSupport {
  name: string;
  supported: boolean;
}

export interface HostInfo {
  host: string;
  version: string;
  /** navigator.userAgent of the pane's engine. */
  engine: string;
  apiSets: ApiSetSupport[];
}

export interface HostComment {
  text: string;
  /** null when the host does not say. */
  author: string | null;
}

export interface CellShading {
  /** "#RRGGBB", or null for no shading. */
  color: string | null;
  /** The host's own value (Word's shadingColor, WPS's BGR integer). */
  raw: string;
}

/**
 * Content a probe inserted: the tables of one flat-OPC package and the paragraphs around
 * them. Rows and cells are 0-based and addressed the way the host addresses them (Word
 * getCell, WPS Cell(r + 1, c + 1)), which is exactly what is being probed.
 */
export interface Scratch {
  /** Top-level tables the insertion added: 0 means the host ignored it silently. */
  readonly tablesAdded: number;
  /** Body paragraphs (outside tables) the insertion added. */
  readonly paragraphsAdded: number;
  /** The OOXML the host gives for the scratch table (Word getOoxml, WPS WordOpenXML). */
  tableOoxml(table?: number): Promise<string>;
  /** The cell's text without end marks; null when the host refuses the address. */
  cellText(row: number, column: number): Promise<string | null>;
  setShading(row: number, column: number, color: string): Promise<void>;
  shading(row: number, column: number): Promise<CellShading>;
  /**
   * Adds a comment on the cell, signed 年报校核 where the host allows; resolves with a note on
   * the author (what the host gave, what was tried).
   */
  addComment(row: number, column: number, text: string): Promise<string>;
  /** Every comment in the document. */
  comments(): Promise<HostComment[]>;
  /** Deletes the comments with this text; resolves with how many were deleted. */
  removeComments(text: string): Promise<number>;
  /** The text of the body paragraphs the insertion added, as the host gives it. */
  paragraphTexts(): Promise<string[]>;
  /**
   * Deletes a row with revision tracking on and restores the tracking mode; absent when the
   * host cannot (no API to delete rows or to turn tracking on).
   */
  deleteRowTracked?(row: number): Promise<void>;
  /** Removes everything the insertion added; rejects with what was left behind. */
  remove(): Promise<void>;
}

/** One place custom XML parts are kept, by the API that reaches it. */
export interface XmlStore {
  readonly name: string;
  add(xml: string): Promise<void>;
  /** The XML of every part in this namespace. */
  read(namespace: string): Promise<string[]>;
  /** Deletes every part in this namespace; resolves with how many. */
  remove(namespace: string): Promise<number>;
}

export interface ProbeContext {
  readonly host: "word" | "wps";
  info(): Promise<HostInfo>;
  /** Inserts a flat-OPC package where it harms nothing (the end of the document, or a new one). */
  createScratch(flatOpc: string): Promise<Scratch>;
  readonly xmlStores: XmlStore[];
  /**
   * Opens and closes a named undo record around nothing and says what the host offers;
   * null where the host has no undo grouping in its API (Word).
   */
  readonly undo: (() => Promise<string>) | null;
  /** Called once after every probe ran: closes a document opened for the test. */
  dispose?(): Promise<void>;
}

/** Thrown by a context when the host lacks what a probe needs: the probe is skipped, not failed. */
export class ProbeUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProbeUnsupported";
  }
}
