/**
 * The probe context over the WPS JSAPI (window.Application), typed by the VBA-style object
 * model Kingsoft's typings (wps-jsapi-declare) follow. Scratch content goes at the end of the
 * active document (Content collapsed to its end, then InsertXML) or, when the user asks and
 * WPS offers Documents.Add, into a new document that is closed unsaved afterwards. It is found
 * again by position (tables and paragraphs after those there before) and removed by deleting
 * exactly those, then counting again; the insertion is wrapped in an undo record where WPS
 * has one, so a single 撤销 also takes it back.
 */
import { COMMENT_AUTHOR } from "../../core";
import { insertScratch, isScratchText, removeScratch, stripMarks } from "./host-scratch";
import type { CountedScratch, Counts } from "./host-scratch";
import { ProbeUnsupported } from "./types";
import type { HostComment, HostInfo, ProbeContext, Scratch, XmlStore } from "./types";

interface Items<T> {
  readonly Count: number;
  Item(index: number): T;
}

interface ProbeRange {
  readonly Text: string;
  readonly WordOpenXML: string;
  Collapse(direction: number): void;
  InsertXML(xml: string): void;
  Delete(): unknown;
}

interface ProbeCell {
  readonly Range: ProbeRange;
  readonly Shading: { BackgroundPatternColor: number };
}

interface ProbeTable {
  readonly Range: ProbeRange;
  Cell(row: number, column: number): ProbeCell;
  readonly Rows?: { Item?(index: number): { Delete?(): unknown } };
  Delete(): unknown;
}

interface ProbeComment {
  Author: string;
  readonly Range: { readonly Text: string };
  Delete(): void;
}

export interface ProbeWpsDocument {
  readonly Content: ProbeRange;
  readonly Tables: Items<ProbeTable>;
  readonly Paragraphs: Items<{ readonly Range: ProbeRange }>;
  readonly Comments: Items<ProbeComment> & { Add(range: ProbeRange, text: string): ProbeComment };
  readonly CustomXMLParts?: {
    Add(xml: string): unknown;
    SelectByNamespace(namespace: string): Items<{ readonly XML: string; Delete(): void }>;
  };
  TrackRevisions: boolean;
  /** wdDoNotSaveChanges = 0. */
  Close?(saveChanges?: number): void;
}

export interface ProbeWpsApplication {
  readonly ActiveDocument: ProbeWpsDocument | null;
  readonly Name?: string;
  readonly Version?: string;
  readonly Build?: string;
  readonly UndoRecord?: { StartCustomRecord(name: string): void; EndCustomRecord(): void };
  readonly Documents?: { Add?(): ProbeWpsDocument };
  readonly PluginStorage?: unknown;
  CreateTaskPane?: unknown;
}

const COLLAPSE_END = 0;
const AUTOMATIC = -16777216;
const DO_NOT_SAVE = 0;
const UNDO_NAME = "年报校核自检";

const bgrToHex = (bgr: number) => {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
};

/** Reads a member that may be missing or throw on this WPS build. */
function tryRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export function canOpenNewDocument(app: ProbeWpsApplication): boolean {
  return tryRead(() => typeof app.Documents?.Add) === "function";
}

export interface WpsProbeOptions {
  userAgent: string;
  /** Run in a new document (Documents.Add) rather than at the end of the active one. */
  newDocument?: boolean;
}

/** Tables and every paragraph, those in tables included. */
const counts = (doc: ProbeWpsDocument): Counts => ({
  tables: doc.Tables.Count,
  paragraphs: doc.Paragraphs.Count,
});

export function wpsProbeContext(app: ProbeWpsApplication, options: WpsProbeOptions): ProbeContext {
  let opened: ProbeWpsDocument | null = null;
  const document = (): ProbeWpsDocument => {
    if (options.newDocument) {
      const documents = app.Documents;
      if (typeof documents?.Add !== "function")
        throw new Error("此 WPS 不能新建文档（没有 Documents.Add）");
      opened ??= documents.Add();
      return opened;
    }
    const active = app.ActiveDocument;
    if (!active) throw new Error("没有打开的文档");
    return active;
  };

  const info = async (): Promise<HostInfo> => {
    const name = tryRead(() => app.Name) ?? "WPS 文字";
    const version = [tryRead(() => app.Version), tryRead(() => app.Build)]
      .filter((v) => v !== undefined && v !== "")
      .join(" / ");
    const doc = tryRead(() => app.ActiveDocument);
    const members: [string, boolean][] = [
      ["Application.UndoRecord", typeof tryRead(() => app.UndoRecord) === "object"],
      ["Application.PluginStorage", tryRead(() => app.PluginStorage) != null],
      ["Application.CreateTaskPane", typeof tryRead(() => app.CreateTaskPane) === "function"],
      ["Documents.Add", canOpenNewDocument(app)],
      ["Document.CustomXMLParts", tryRead(() => doc?.CustomXMLParts) != null],
    ];
    return {
      host: String(name),
      version: version || "未知",
      engine: options.userAgent,
      apiSets: members.map(([member, supported]) => ({ name: member, supported })),
    };
  };

  const createScratch = async (flatOpc: string): Promise<Scratch> => {
    const doc = document();
    const before = counts(doc);
    const scratch = wpsScratch(doc, before);
    const undo = tryRead(() => app.UndoRecord);
    const insert = async () => {
      // Tracked, our scratch content would stay behind as revisions once deleted.
      scratch.tracking = doc.TrackRevisions;
      if (scratch.tracking) doc.TrackRevisions = false;
      undo?.StartCustomRecord(UNDO_NAME);
      try {
        const end = doc.Content;
        end.Collapse(COLLAPSE_END);
        end.InsertXML(flatOpc);
      } finally {
        undo?.EndCustomRecord();
      }
    };
    return insertScratch(scratch, before, insert, async () => counts(doc));
  };

  const stores: XmlStore[] = [];
  if (tryRead(() => app.ActiveDocument?.CustomXMLParts) != null) stores.push(wpsStore(document));

  const undo = async () => {
    const record = tryRead(() => app.UndoRecord);
    if (!record) throw new Error("Application.UndoRecord 不存在：本程序的写入无法合为一个撤销步骤");
    record.StartCustomRecord(UNDO_NAME);
    record.EndCustomRecord();
    const doc = tryRead(() => app.ActiveDocument) as { Undo?: unknown } | undefined;
    return `UndoRecord.StartCustomRecord / EndCustomRecord 可调用${typeof doc?.Undo === "function" ? "；Document.Undo 存在" : ""}`;
  };

  const dispose = async () => {
    if (opened) opened.Close?.(DO_NOT_SAVE);
    opened = null;
  };

  return { host: "wps", info, createScratch, xmlStores: stores, undo, dispose };
}

interface WpsScratch extends CountedScratch {
  /** Revision tracking as it was, restored after removal. */
  tracking: boolean;
}

function wpsScratch(doc: ProbeWpsDocument, before: Counts): WpsScratch {
  const table = (index = 0) => {
    if (doc.Tables.Count <= before.tables + index) throw new Error("找不到自检插入的表格");
    return doc.Tables.Item(before.tables + 1 + index);
  };
  const cell = (row: number, column: number) => table().Cell(row + 1, column + 1);
  const comments = (): ProbeComment[] => {
    const all = doc.Comments;
    return Array.from({ length: all.Count }, (_, i) => all.Item(i + 1));
  };

  const scratch: WpsScratch = {
    tablesAdded: 0,
    paragraphsAdded: 0,
    tracking: false,
    tableOoxml: async (index) => table(index).Range.WordOpenXML,
    cellText: async (row, column) => {
      try {
        return stripMarks(cell(row, column).Range.Text);
      } catch {
        return null;
      }
    },
    setShading: async (row, column, color) => {
      const rgb = parseInt(color.slice(1), 16);
      cell(row, column).Shading.BackgroundPatternColor =
        ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
    },
    shading: async (row, column) => {
      const raw = cell(row, column).Shading.BackgroundPatternColor;
      return { color: raw === AUTOMATIC ? null : bgrToHex(raw), raw: String(raw) };
    },
    addComment: async (row, column, text) => {
      const comment = doc.Comments.Add(cell(row, column).Range, text);
      const given = tryRead(() => comment.Author);
      try {
        comment.Author = COMMENT_AUTHOR;
      } catch {
        // Reported by the probe: the author then stays WPS's.
      }
      return `新批注默认作者“${given ?? "未知"}”，已尝试改为“${COMMENT_AUTHOR}”`;
    },
    comments: async (): Promise<HostComment[]> =>
      comments().map((c) => ({
        text: stripMarks(c.Range.Text),
        author: tryRead(() => c.Author) ?? null,
      })),
    removeComments: async (text) => {
      let removed = 0;
      for (const comment of comments().reverse()) {
        if (stripMarks(comment.Range.Text) !== text) continue;
        comment.Delete();
        removed++;
      }
      return removed;
    },
    paragraphTexts: async () => {
      const paragraphs = doc.Paragraphs;
      const texts: string[] = [];
      for (let i = Math.max(1, before.paragraphs); i <= paragraphs.Count; i++)
        texts.push(stripMarks(paragraphs.Item(i).Range.Text));
      return texts;
    },
    deleteRowTracked: async (row) => {
      const rows = table().Rows;
      if (typeof rows?.Item !== "function")
        throw new ProbeUnsupported("此 WPS 的表格没有 Rows.Item，无法删除行");
      let target: { Delete?(): unknown };
      try {
        target = rows.Item(row + 1);
      } catch (error) {
        // VBA's Rows(i) refuses tables with vertically merged cells; WPS may do the same.
        throw new ProbeUnsupported(`此 WPS 无法按行访问含纵向合并的表格（${String(error)}）`);
      }
      if (typeof target.Delete !== "function")
        throw new ProbeUnsupported("此 WPS 的表格行没有 Delete，无法删除行");
      const tracking = doc.TrackRevisions;
      try {
        doc.TrackRevisions = true;
        target.Delete();
      } finally {
        doc.TrackRevisions = tracking;
      }
    },
    remove: () =>
      removeScratch(before, {
        deleteTables: () => {
          const tables = doc.Tables;
          for (let i = tables.Count; i > before.tables; i--) tables.Item(i).Delete();
        },
        deleteParagraphs: () => {
          const paragraphs = doc.Paragraphs;
          for (let i = paragraphs.Count; i > before.paragraphs; i--) {
            const range = paragraphs.Item(i).Range;
            if (isScratchText(stripMarks(range.Text))) range.Delete();
          }
        },
        ...(scratch.tracking && { restoreTracking: () => (doc.TrackRevisions = true) }),
        recount: async () => {
          const after = counts(doc);
          const last = after.paragraphs > 0 ? doc.Paragraphs.Item(after.paragraphs).Range.Text : "";
          return { ...after, endTexts: [last] };
        },
      }),
  };
  return scratch;
}

function wpsStore(document: () => ProbeWpsDocument): XmlStore {
  const parts = () => {
    const store = document().CustomXMLParts;
    if (!store) throw new ProbeUnsupported("此文档没有 CustomXMLParts");
    return store;
  };
  const select = (namespace: string) => {
    const found = parts().SelectByNamespace(namespace);
    return Array.from({ length: found.Count }, (_, i) => found.Item(i + 1));
  };
  return {
    name: "WPS CustomXMLParts",
    add: async (xml) => {
      parts().Add(xml);
    },
    read: async (namespace) => select(namespace).map((p) => p.XML),
    remove: async (namespace) => {
      const found = select(namespace);
      for (const part of found) part.Delete();
      return found.length;
    },
  };
}

/** The WPS probe context for the pane's own page, or null outside WPS. */
export function wpsApplicationFrom(scope: object): ProbeWpsApplication | null {
  const app = (scope as { Application?: unknown }).Application;
  if (!app || typeof app !== "object") return null;
  return tryRead(() => "ActiveDocument" in app) ? (app as ProbeWpsApplication) : null;
}
