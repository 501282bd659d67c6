/**
 * The members the self-test's probe contexts use that our fakes of Word and WPS lack, added
 * around the fakes without changing them: Word's Body.insertOoxml("End"),
 * Table.getCellOrNullObject with value and shadingColor, Table.delete, Paragraph.delete,
 * Comment.authorName and the Common API's customXmlParts; WPS's Content as a range that can
 * be collapsed and inserted into, Table.Delete, Range.Delete of a paragraph, and optionally
 * Documents.Add / Close. Added actions run at the end of the batch they were queued in, after
 * the fake's own, which is all the probe contexts need (they sync each write on its own).
 * `addressing: "visible"` makes getCellOrNullObject play the other plausible semantics:
 * vertical-merge continuation cells not counted.
 */
import { readDocument } from "../../src/core";
import type { SnapshotCell, SnapshotTable } from "../../src/core/model/snapshot";
import { MemoryDocument } from "../../src/hosts/memory/memory-document";
import type {
  ProbeOffice,
  ProbeWordContext,
  ProbeWordRun,
} from "../../src/hosts/self-test/word-context";
import type { ProbeWpsApplication } from "../../src/hosts/self-test/wps-context";
import type { FakeWord } from "./fake-word";
import { fakeWps, type FakeWps } from "./fake-wps";

type AnyObject = Record<string | symbol, unknown>;

/** A proxy that answers `extra`'s members first and the target's otherwise. */
function extend<T extends object>(target: T, extra: AnyObject): T {
  return new Proxy(target, {
    get: (t, p) => (p in extra ? extra[p] : Reflect.get(t, p, t)),
    set: (t, p, v) => Reflect.set(t, p, v, t),
  });
}

/** Every table in the order the Word fake lists them: nested ones after their cell. */
function allTables(doc: MemoryDocument): SnapshotTable[] {
  const out: SnapshotTable[] = [];
  const visit = (table: SnapshotTable) => {
    out.push(table);
    for (const row of table.rows)
      for (const cell of row.cells) for (const nested of cell.nestedTables) visit(nested);
  };
  for (const table of doc.tables()) visit(table);
  return out;
}

function removeBlock(doc: MemoryDocument, block: unknown): void {
  const at = doc.blocks.indexOf(block as never);
  if (at < 0) throw new Error("fake: only top-level blocks can be deleted");
  doc.blocks.splice(at, 1);
  doc.insertAfter(null, []); // renumbers and tells listeners
}

export interface SelfTestWordOptions {
  addressing?: "physical" | "visible";
}

export function selfTestWord(
  fake: FakeWord,
  options: SelfTestWordOptions = {},
): { run: ProbeWordRun; office: ProbeOffice } {
  const doc = fake.document;
  let queue: (() => void)[] = [];
  const enqueue = (action: () => void) => queue.push(action);
  const sync = async () => {
    await fake.context.sync();
    const actions = queue;
    queue = [];
    for (const action of actions) action();
  };

  const cellAt = (table: SnapshotTable, row: number, index: number): SnapshotCell | null => {
    const cells = table.rows[row]?.cells ?? [];
    const list =
      options.addressing === "visible"
        ? cells.filter((c) => c.verticalMerge !== "continue")
        : cells;
    return list[index] ?? null;
  };

  const cellProxy = (fakeCell: object, table: SnapshotTable, row: number, index: number) => {
    const loaded: { value?: string; shadingColor?: string; isNullObject?: boolean } = {};
    const read = (name: keyof typeof loaded) => {
      if (!(name in loaded)) throw new Error(`PropertyNotLoaded: '${name}'`);
      return loaded[name];
    };
    return extend(fakeCell, {
      load: (spec: string) =>
        enqueue(() => {
          const cell = cellAt(table, row, index);
          loaded.isNullObject = cell === null;
          for (const p of spec.split(",").map((s) => s.trim())) {
            if (p === "value") loaded.value = cell?.text ?? "";
            else if (p === "shadingColor") {
              if (!cell) throw new Error("ItemNotFound");
              loaded.shadingColor = cell.shading ?? "";
            }
          }
        }),
      get value() {
        return read("value");
      },
      get shadingColor() {
        return read("shadingColor");
      },
      get isNullObject() {
        return read("isNullObject");
      },
    });
  };

  const tables = (collection: { items: object[] }) =>
    extend(collection, {
      get items() {
        const snapshot = allTables(doc);
        return collection.items.map((fakeTable, i) => {
          const table = snapshot[i] as SnapshotTable;
          const getCell = (fakeTable as { getCell(r: number, c: number): object }).getCell.bind(
            fakeTable,
          );
          return extend(fakeTable, {
            getCell: (r: number, c: number) => cellProxy(getCell(r, c), table, r, c),
            getCellOrNullObject: (r: number, c: number) => cellProxy(getCell(r, c), table, r, c),
            delete: () => enqueue(() => removeBlock(doc, table)),
          });
        });
      },
    });

  const paragraphs = (collection: { items: { target: { kind: string } }[] }) =>
    extend(collection, {
      get items() {
        return collection.items.map((p) =>
          extend(p, {
            delete: () =>
              enqueue(() => {
                const target = p.target as { kind: string; paragraph?: unknown };
                if (target.kind !== "paragraph") throw new Error("fake: cell paragraph");
                removeBlock(doc, target.paragraph);
              }),
          }),
        );
      },
    });

  const comments = (collection: { items: object[]; load(spec: string): unknown }) => {
    let authors: string[] = [];
    const self: AnyObject = {
      load: (spec: string) => {
        const wanted = spec.split(",").map((s) => s.trim());
        collection.load(wanted.filter((s) => !s.endsWith("authorName")).join(","));
        if (wanted.some((s) => s.endsWith("authorName")))
          enqueue(() => (authors = doc.comments.map((c) => c.author)));
        return self;
      },
      get items() {
        return collection.items.map((c, i) => extend(c, { authorName: authors[i] }));
      },
    };
    return extend(collection, self);
  };

  const document = fake.context.document as unknown as AnyObject & {
    body: AnyObject & { getComments(): never };
  };
  const documentProxy = extend(document, {
    get body() {
      const body = document.body;
      return extend(body, {
        tables: tables(body.tables as never),
        paragraphs: paragraphs(body.paragraphs as never),
        insertOoxml: (xml: string, location: string) => {
          if (location !== "End") throw new Error(`fake: insertOoxml "${location}"`);
          enqueue(() => doc.insertAfter(null, readDocument(xml).blocks));
          return {};
        },
        getComments: () => comments(body.getComments()),
      });
    },
  });
  const context = { document: documentProxy, sync } as unknown as ProbeWordContext;

  const ok = <T>(value: T) => ({ status: "succeeded", value });
  const office: ProbeOffice = {
    context: {
      requirements: {
        isSetSupported: (name, version = "1.1") => fake.supports(name, version),
      },
      diagnostics: { platform: "PC", version: "16.0 (fake)" },
      document: {
        customXmlParts: {
          addAsync: (xml, _options, callback) => callback(ok(doc.addPart(xml))),
          getByNamespaceAsync: (namespace, _options, callback) =>
            callback(
              ok(
                doc.partsIn(namespace).map((part) => ({
                  getXmlAsync: (_o: object, cb: (r: { status: string; value: string }) => void) =>
                    cb(ok(part.xml)),
                  deleteAsync: (_o: object, cb: (r: { status: string; value: void }) => void) => {
                    doc.removePart(part.id);
                    cb(ok(undefined));
                  },
                })),
              ),
            ),
        },
      },
    },
  };
  return { run: (batch) => batch(context), office };
}

export interface SelfTestWpsOptions {
  /** Documents.Add opens a new (fake) document; absent otherwise. */
  documents?: boolean;
  /** Table.Delete fails, as a protected document would refuse it. */
  refuseDelete?: boolean;
}

export interface SelfTestWps {
  application: ProbeWpsApplication;
  /** Documents opened with Documents.Add, and whether each was closed. */
  opened: { document: MemoryDocument; closed: boolean }[];
}

function wpsDocument(
  fake: FakeWps,
  onClose?: () => void,
  options: SelfTestWpsOptions = {},
): AnyObject {
  const doc = fake.document;
  const active = fake.application.ActiveDocument as unknown as AnyObject & {
    Tables: { Count: number; Item(i: number): { table: SnapshotTable } };
    Paragraphs: { Count: number; Item(i: number): { Range: { target: { kind: string } } } };
    Content: { WordOpenXML: string };
  };
  return extend(active, {
    get Content() {
      return {
        get WordOpenXML() {
          return active.Content.WordOpenXML;
        },
        Collapse: (direction: number) => {
          if (direction !== 0) throw new Error("fake: only wdCollapseEnd");
        },
        InsertXML: (xml: string) => {
          // Through the fake's own range after the last paragraph, so noInsertXml applies.
          const paragraphs = active.Paragraphs;
          if (paragraphs.Count === 0) return doc.insertAfter(null, readDocument(xml).blocks);
          const end = paragraphs.Item(paragraphs.Count).Range as unknown as {
            Collapse(direction: number): void;
            InsertXML(xml: string): void;
          };
          end.Collapse(0);
          end.InsertXML(xml);
        },
      };
    },
    get Tables() {
      const tables = active.Tables;
      return extend(tables, {
        Item: (i: number) => {
          const table = tables.Item(i);
          return extend(table, {
            Delete: () => {
              if (options.refuseDelete) throw new Error("文档受保护，无法删除");
              removeBlock(doc, table.table);
            },
          });
        },
      });
    },
    get Paragraphs() {
      const paragraphs = active.Paragraphs;
      return extend(paragraphs, {
        Item: (i: number) => {
          const paragraph = paragraphs.Item(i);
          const range = paragraph.Range;
          return extend(paragraph, {
            Range: extend(range, {
              Delete: () => {
                const target = range.target as { kind: string; paragraph?: unknown };
                if (target.kind !== "paragraph") throw new Error("fake: cell paragraph");
                removeBlock(doc, target.paragraph);
              },
            }),
          });
        },
      });
    },
    Close: (saveChanges: number) => {
      if (saveChanges !== 0) throw new Error("fake: only wdDoNotSaveChanges");
      onClose?.();
    },
  });
}

export function selfTestWps(fake: FakeWps, options: SelfTestWpsOptions = {}): SelfTestWps {
  const opened: SelfTestWps["opened"] = [];
  const active = wpsDocument(fake, undefined, options);
  const documents = {
    Add: () => {
      const document = new MemoryDocument([
        {
          kind: "paragraph",
          paragraphIndex: 0,
          text: "",
          styleId: null,
          styleName: null,
          headingLevel: null,
          alignment: null,
        },
      ]);
      const entry = { document, closed: false };
      opened.push(entry);
      return wpsDocument(fakeWps(document), () => (entry.closed = true));
    },
  };
  const application = extend(fake.application as unknown as AnyObject, {
    get ActiveDocument() {
      return active;
    },
    Name: "WPS 文字",
    Version: "12.1.0 (fake)",
    Build: "fake",
    ...(options.documents ? { Documents: documents } : {}),
  }) as unknown as ProbeWpsApplication;
  return { application, opened };
}
