/**
 * A fake of the Word JavaScript API built from a real .docx, behaving as the documented API
 * does: load() only queues, context.sync() runs the batch (and is counted), reading a property
 * that was not loaded and synced throws PropertyNotLoaded, and getOoxml() returns a
 * ClientResult whose value exists only after the next sync. body.tables also lists nested
 * tables (nestingLevel 2), and body.paragraphs includes the paragraphs inside tables.
 */
import { readDocument } from "../../src/core";
import type { SnapshotParagraph, SnapshotTable } from "../../src/core/model/snapshot";
import type { WordRequestContext } from "../../src/hosts/word/word-api";

class FakeContext {
  syncs = 0;
  private queue: (() => void)[] = [];
  enqueue(action: () => void): void {
    this.queue.push(action);
  }
  sync(): Promise<void> {
    this.syncs++;
    const batch = this.queue;
    this.queue = [];
    for (const action of batch) action();
    return Promise.resolve();
  }
}

class FakeObject {
  private readonly loaded = new Set<string>();
  constructor(
    protected readonly context: FakeContext,
    private readonly data: Record<string, unknown>,
  ) {
    for (const key of Object.keys(data)) {
      Object.defineProperty(this, key, { enumerable: true, get: () => this.read(key) });
    }
  }
  markLoaded(properties: string[]): void {
    for (const p of properties) this.loaded.add(p);
  }
  private read(property: string): unknown {
    if (!this.loaded.has(property)) {
      throw new Error(
        `PropertyNotLoaded: The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.data[property];
  }
}

class FakeCollection<T extends FakeObject> {
  private itemsLoaded = false;
  constructor(
    private readonly context: FakeContext,
    private readonly all: T[],
  ) {}
  get items(): T[] {
    if (!this.itemsLoaded)
      throw new Error("PropertyNotLoaded: The property 'items' is not available.");
    return this.all;
  }
  load(spec: string): this {
    const properties = spec.split(",").map((s) => s.trim().replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.itemsLoaded = true;
      for (const item of this.all) item.markLoaded(properties);
    });
    return this;
  }
}

const ALIGNMENT: Record<string, string> = {
  center: "Centered",
  left: "Left",
  right: "Right",
  both: "Justified",
};

export interface FakeWord {
  context: WordRequestContext;
  /** Round trips so far. */
  syncs(): number;
}

export function fakeWord(docx: Uint8Array): FakeWord {
  const context = new FakeContext();
  const snapshot = readDocument(docx);
  const tables: FakeObject[] = [];
  const paragraphs: FakeObject[] = [];
  const addTable = (table: SnapshotTable, nestingLevel: number) => {
    const uniform = table.rows.every(
      (r) =>
        r.cells.length === table.rows[0]?.cells.length &&
        r.cells.every((c) => c.columnSpan === 1 && c.verticalMerge === null),
    );
    const object = new FakeObject(context, {
      nestingLevel,
      isUniform: uniform,
      rowCount: table.rows.length,
      values: table.rows.map((r) => r.cells.map((c) => c.text.replace(/\n/g, "\r"))),
    });
    Object.assign(object, {
      getRange: () => ({
        getOoxml: () => {
          let value: string | undefined;
          context.enqueue(() => (value = flatOpcOf(table)));
          return {
            get value() {
              if (value === undefined)
                throw new Error(
                  "PropertyNotLoaded: the ClientResult value is not available before context.sync().",
                );
              return value;
            },
          };
        },
      }),
    });
    tables.push(object);
    for (const row of table.rows) {
      for (const cell of row.cells) {
        for (const text of cell.text.split("\n"))
          paragraphs.push(paragraphObject(context, text, "Normal", 0, nestingLevel, null));
        for (const nested of cell.nestedTables) addTable(nested, nestingLevel + 1);
      }
    }
  };
  for (const block of snapshot.blocks) {
    if (block.kind === "table") addTable(block, 1);
    else paragraphs.push(paragraphFrom(context, block));
  }
  return {
    context: {
      document: {
        body: {
          tables: new FakeCollection(context, tables),
          paragraphs: new FakeCollection(context, paragraphs),
        },
      },
      sync: () => context.sync(),
    } as unknown as WordRequestContext,
    syncs: () => context.syncs,
  };
}

function paragraphFrom(context: FakeContext, p: SnapshotParagraph): FakeObject {
  const style = p.headingLevel !== null ? `Heading${p.headingLevel}` : "Normal";
  return paragraphObject(
    context,
    p.text,
    p.styleName ?? style,
    p.headingLevel ?? 10,
    0,
    p.alignment,
    style,
  );
}

function paragraphObject(
  context: FakeContext,
  text: string,
  style: string,
  outlineLevel: number,
  tableNestingLevel: number,
  alignment: string | null,
  styleBuiltIn = "Normal",
): FakeObject {
  return new FakeObject(context, {
    text,
    style,
    styleBuiltIn,
    outlineLevel,
    tableNestingLevel,
    alignment: ALIGNMENT[alignment ?? ""] ?? "Left",
  });
}

/** What getOoxml returns for a table: a flat-OPC package with the table and a paragraph. */
function flatOpcOf(table: SnapshotTable): string {
  const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const rows = table.rows
    .map((row) => {
      const cells = row.cells
        .map((c) => {
          const props = `${c.columnSpan > 1 ? `<w:gridSpan w:val="${c.columnSpan}"/>` : ""}${c.verticalMerge === "restart" ? '<w:vMerge w:val="restart"/>' : c.verticalMerge === "continue" ? "<w:vMerge/>" : ""}`;
          const paragraphs = c.text
            .split("\n")
            .map((t) => `<w:p><w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r></w:p>`)
            .join("");
          return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs}</w:tc>`;
        })
        .join("");
      return `<w:tr>${cells}</w:tr>`;
    })
    .join("");
  const grid = "<w:gridCol/>".repeat(table.gridColumnCount);
  const document = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl><w:p/></w:body></w:document>`;
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>${document}</pkg:xmlData></pkg:part></pkg:package>`;
}
