/**
 * The probe context over Office.js. Scratch content goes at the end of the body
 * (Body.insertOoxml "End", WordApi 1.1) and is found again by position: the top-level tables
 * and body paragraphs after those that were there before. Removing it deletes exactly those,
 * then counts again. Members used beyond the adapter's (word-api.ts), all from
 * @types/office-js 1.0.612: Table.getCellOrNullObject, TableCell.value, reading
 * TableCell.shadingColor, Table.delete, Table.deleteRows (WordApi 1.3), Paragraph.delete
 * (1.1), Comment.authorName (1.4), Office.context.diagnostics, and the Common API's
 * Office.context.document.customXmlParts (requirement set CustomXmlParts, Word 2013+).
 */
import { requirementCheck } from "../word/office-host";
import type { WordClientResult, WordCustomXmlParts } from "../word/word-api";
import { insertScratch, isScratchText, removeScratch, stripMarks } from "./host-scratch";
import type { CountedScratch, Counts } from "./host-scratch";
import { ProbeUnsupported } from "./types";
import type { HostComment, HostInfo, ProbeContext, Scratch, XmlStore } from "./types";

interface Loadable {
  load(properties: string): unknown;
}

interface ProbeRange extends Loadable {
  getOoxml(): WordClientResult<string>;
  insertComment(text: string): unknown;
}

interface ProbeCell extends Loadable {
  readonly isNullObject: boolean;
  readonly value: string;
  shadingColor: string;
  readonly body: { getRange(location?: "Whole"): ProbeRange };
}

interface ProbeTable extends Loadable {
  readonly nestingLevel: number;
  getRange(location?: "Whole"): ProbeRange;
  getCell(row: number, cell: number): ProbeCell;
  getCellOrNullObject(row: number, cell: number): ProbeCell;
  deleteRows?(rowIndex: number, rowCount?: number): void;
  delete(): void;
}

interface ProbeParagraph extends Loadable {
  readonly text: string;
  readonly tableNestingLevel: number;
  delete(): void;
}

interface ProbeComment {
  readonly content: string;
  readonly authorName: string;
  delete(): void;
}

interface Collection<T> extends Loadable {
  readonly items: T[];
}

export interface ProbeWordContext {
  readonly document: Loadable & {
    readonly body: {
      readonly tables: Collection<ProbeTable>;
      readonly paragraphs: Collection<ProbeParagraph>;
      insertOoxml(ooxml: string, location: "End"): unknown;
      getComments(): Collection<ProbeComment>;
    };
    readonly customXmlParts: WordCustomXmlParts;
    changeTrackingMode: string;
  };
  sync(): Promise<unknown>;
}

export type ProbeWordRun = <T>(batch: (context: ProbeWordContext) => Promise<T>) => Promise<T>;

interface AsyncResult<T> {
  /** "succeeded" or "failed" at run time (Office.AsyncResultStatus). */
  status: unknown;
  value: T;
  error?: { message?: string };
}
type Callback<T> = (result: AsyncResult<T>) => void;

/** The Common API's signatures with options, the first of each overload in @types/office-js. */
interface CommonXmlPart {
  getXmlAsync(options: object, callback: Callback<string>): void;
  deleteAsync(options: object, callback: Callback<void>): void;
}

export interface ProbeOffice {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    diagnostics?: { platform?: unknown; version?: string };
    document?: {
      customXmlParts?: {
        addAsync(xml: string, options: object, callback: Callback<unknown>): void;
        getByNamespaceAsync(
          namespace: string,
          options: object,
          callback: Callback<CommonXmlPart[]>,
        ): void;
      };
    };
  };
}

export interface WordProbeOptions {
  run: ProbeWordRun;
  office: ProbeOffice;
  userAgent: string;
}

const API_SETS: [string, string][] = [
  ...["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"].map((v): [string, string] => [
    "WordApi",
    v,
  ]),
  ...["1.1", "1.2", "1.3", "1.4"].map((v): [string, string] => ["WordApiDesktop", v]),
  ["WordApiHiddenDocument", "1.3"],
  ["CustomXmlParts", "1.1"],
  ["CustomXmlParts", "1.2"],
];

export function wordProbeContext(options: WordProbeOptions): ProbeContext {
  const { run, office } = options;
  const supports = requirementCheck(office);
  const has14 = supports("WordApi", "1.4");

  /** Top-level tables and body paragraphs (outside tables). */
  const counts = () =>
    run(async (context): Promise<Counts> => {
      const { tables, paragraphs } = context.document.body;
      tables.load("items/nestingLevel");
      paragraphs.load("items/tableNestingLevel");
      await context.sync();
      return {
        tables: tables.items.filter((t) => t.nestingLevel === 1).length,
        paragraphs: paragraphs.items.filter((p) => p.tableNestingLevel === 0).length,
      };
    });

  const info = async (): Promise<HostInfo> => {
    const d = office.context.diagnostics;
    return {
      host: `Word${typeof d?.platform === "string" && d.platform ? `（${d.platform}）` : ""}`,
      version: d?.version ?? "未知",
      engine: options.userAgent,
      apiSets: API_SETS.map(([name, version]) => ({
        name: `${name} ${version}`,
        supported: supports(name, version),
      })),
    };
  };

  const createScratch = async (flatOpc: string): Promise<Scratch> => {
    const before = await counts();
    const scratch = wordScratch(run, before, has14);
    const insert = () =>
      run(async (context) => {
        const { document } = context;
        // Tracked, our scratch content would stay behind as revisions once deleted.
        if (has14) {
          document.load("changeTrackingMode");
          await context.sync();
          scratch.tracking = document.changeTrackingMode;
          if (scratch.tracking !== "Off") document.changeTrackingMode = "Off";
        }
        document.body.insertOoxml(flatOpc, "End");
        await context.sync();
      });
    return insertScratch(scratch, before, insert, counts);
  };

  const stores: XmlStore[] = [];
  if (has14) stores.push(wordApiStore(run));
  const common = office.context.document?.customXmlParts;
  if (common && supports("CustomXmlParts", "1.1")) stores.push(commonApiStore(common));

  return { host: "word", info, createScratch, xmlStores: stores, undo: null };
}

interface WordScratch extends CountedScratch {
  /** The change-tracking mode to restore after removal; null when it was not changed. */
  tracking: string | null;
}

function wordScratch(run: ProbeWordRun, before: Counts, has14: boolean): WordScratch {
  /** Runs a batch on the index-th scratch table. */
  const onTable = <T>(
    index: number,
    batch: (context: ProbeWordContext, table: ProbeTable) => Promise<T>,
  ) =>
    run(async (context) => {
      const tables = context.document.body.tables;
      tables.load("items/nestingLevel");
      await context.sync();
      const table = tables.items.filter((t) => t.nestingLevel === 1)[before.tables + index];
      if (!table) throw new Error("找不到自检插入的表格");
      return batch(context, table);
    });

  const requireComments = () => {
    if (!has14) throw new ProbeUnsupported("批注 API 需要 WordApi 1.4，此 Word 不支持");
  };

  const scratch: WordScratch = {
    tablesAdded: 0,
    paragraphsAdded: 0,
    tracking: null,
    tableOoxml: (index = 0) =>
      onTable(index, async (context, table) => {
        const ooxml = table.getRange("Whole").getOoxml();
        await context.sync();
        return ooxml.value;
      }),
    cellText: (row, column) =>
      onTable(0, async (context, table) => {
        const cell = table.getCellOrNullObject(row, column);
        cell.load("value");
        try {
          await context.sync();
        } catch {
          return null;
        }
        return cell.isNullObject ? null : stripMarks(cell.value);
      }),
    setShading: (row, column, color) =>
      onTable(0, async (context, table) => {
        table.getCell(row, column).shadingColor = color;
        await context.sync();
      }),
    shading: (row, column) =>
      onTable(0, async (context, table) => {
        const cell = table.getCell(row, column);
        cell.load("shadingColor");
        await context.sync();
        const raw = cell.shadingColor;
        return {
          color: /^#[0-9a-f]{6}$/i.test(raw) ? raw.toUpperCase() : null,
          raw: JSON.stringify(raw),
        };
      }),
    addComment: async (row, column, text) => {
      requireComments();
      await onTable(0, async (context, table) => {
        table.getCell(row, column).body.getRange("Whole").insertComment(text);
        await context.sync();
      });
      return "Word 以当前用户署名（Comment.authorName 只读）";
    },
    comments: async () => {
      requireComments();
      return run(async (context): Promise<HostComment[]> => {
        const comments = context.document.body.getComments();
        comments.load("items/content,items/authorName");
        await context.sync();
        return comments.items.map((c) => ({ text: c.content, author: c.authorName ?? null }));
      });
    },
    removeComments: async (text) => {
      requireComments();
      return run(async (context) => {
        const comments = context.document.body.getComments();
        comments.load("items/content");
        await context.sync();
        const ours = comments.items.filter((c) => c.content === text);
        for (const comment of ours) comment.delete();
        await context.sync();
        return ours.length;
      });
    },
    paragraphTexts: () =>
      run(async (context) => {
        // From the paragraph that was last: the insertion may have joined it.
        const { tail } = await bodyTail(context, Math.max(0, before.paragraphs - 1));
        return tail.map((p) => p.text);
      }),
    remove: () => {
      const tracking = scratch.tracking;
      return removeScratch(before, {
        deleteTables: () =>
          run(async (context) => {
            const tables = context.document.body.tables;
            tables.load("items/nestingLevel");
            await context.sync();
            const ours = tables.items.filter((t) => t.nestingLevel === 1).slice(before.tables);
            for (const table of ours.reverse()) table.delete();
            await context.sync();
          }),
        deleteParagraphs: () =>
          run(async (context) => {
            const { tail } = await bodyTail(context, before.paragraphs);
            for (const p of tail.reverse()) if (isScratchText(p.text)) p.delete();
            await context.sync();
          }),
        ...(tracking !== null &&
          tracking !== "Off" && {
            restoreTracking: () =>
              run(async (context) => {
                context.document.changeTrackingMode = tracking;
                await context.sync();
              }),
          }),
        recount: () =>
          run(async (context) => {
            const tables = context.document.body.tables;
            tables.load("items/nestingLevel");
            const { count, tail } = await bodyTail(context, Math.max(0, before.paragraphs - 1));
            return {
              tables: tables.items.filter((t) => t.nestingLevel === 1).length,
              paragraphs: count,
              endTexts: tail.map((p) => p.text),
            };
          }),
      });
    },
  };
  if (has14)
    scratch.deleteRowTracked = (row) =>
      onTable(0, async (context, table) => {
        if (typeof table.deleteRows !== "function")
          throw new ProbeUnsupported("此 Word 没有 Table.deleteRows");
        const document = context.document;
        document.load("changeTrackingMode");
        await context.sync();
        const mode = document.changeTrackingMode;
        try {
          document.changeTrackingMode = "TrackAll";
          table.deleteRows(row, 1);
          await context.sync();
        } finally {
          document.changeTrackingMode = mode;
          await context.sync();
        }
      });
  return scratch;
}

/**
 * The body paragraphs (outside tables) from index `from` on, with their text: only the end of
 * the document is read, never the whole document's text.
 */
async function bodyTail(context: ProbeWordContext, from: number) {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load("items/tableNestingLevel");
  await context.sync();
  const body = paragraphs.items.filter((p) => p.tableNestingLevel === 0);
  const tail = body.slice(from);
  for (const p of tail) p.load("text");
  await context.sync();
  return { count: body.length, tail };
}

function wordApiStore(run: ProbeWordRun): XmlStore {
  const inNamespace = async (context: ProbeWordContext, namespace: string) => {
    const parts = context.document.customXmlParts.getByNamespace(namespace);
    parts.load("items/id");
    await context.sync();
    return parts.items;
  };
  return {
    name: "WordApi 1.4",
    add: (xml) =>
      run(async (context) => {
        context.document.customXmlParts.add(xml);
        await context.sync();
      }),
    read: (namespace) =>
      run(async (context) => {
        const xml = (await inNamespace(context, namespace)).map((p) => p.getXml());
        await context.sync();
        return xml.map((x) => x.value);
      }),
    remove: (namespace) =>
      run(async (context) => {
        const parts = await inNamespace(context, namespace);
        for (const part of parts) part.delete();
        await context.sync();
        return parts.length;
      }),
  };
}

function settle<T>(start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    start((result) =>
      result.status === "succeeded"
        ? resolve(result.value)
        : reject(new Error(result.error?.message ?? "Office 异步调用失败")),
    ),
  );
}

type CommonParts = NonNullable<NonNullable<ProbeOffice["context"]["document"]>["customXmlParts"]>;

function commonApiStore(parts: CommonParts): XmlStore {
  const byNamespace = (namespace: string) =>
    settle<CommonXmlPart[]>((cb) => parts.getByNamespaceAsync(namespace, {}, cb));
  return {
    name: "通用 API CustomXmlParts",
    add: async (xml) => {
      await settle<unknown>((cb) => parts.addAsync(xml, {}, cb));
    },
    read: async (namespace) => {
      const found = await byNamespace(namespace);
      return Promise.all(found.map((p) => settle<string>((cb) => p.getXmlAsync({}, cb))));
    },
    remove: async (namespace) => {
      const found = await byNamespace(namespace);
      for (const p of found) await settle<void>((cb) => p.deleteAsync({}, cb));
      return found.length;
    },
  };
}

/** The Word probe context for the pane's own page, or null outside Word. */
export function wordProbeContextFrom(scope: object): ProbeContext | null {
  const office = (scope as { Office?: ProbeOffice }).Office;
  const word = (scope as { Word?: { run: ProbeWordRun } }).Word;
  if (!office?.context?.requirements || typeof word?.run !== "function") return null;
  const userAgent = (scope as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? "";
  return wordProbeContext({ run: (batch) => word.run(batch), office, userAgent });
}
