/**
 * Property tests: whatever a document looks like, `check` returns a report and the reader
 * either reads a file or rejects it with a DocumentReadError, never another exception.
 * Fixed seed and a few hundred cases in CI; `npm run fuzz` runs many more.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  check,
  DocumentReadError,
  jsonReportSchema,
  readDocument,
  toJsonFinding,
  type DocumentSnapshot,
  type Finding,
} from "../../src/core";
import { annotateDocx } from "../../src/core/annotate/annotate";
import { ledgerFromXml, ledgerToXml, type Ledger } from "../../src/core/marks/ledger";
import { mutateXml } from "../support/xml-mutator";
import type { SnapshotCell, SnapshotTable } from "../../src/core/model/snapshot";
import { docx, statutoryReport } from "../support/docx-builder";
import { SHARED, sharedAvailable } from "../support/shared";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const settings = { numRuns: RUNS, seed: SEED };

const sources: Uint8Array[] = [docx(statutoryReport()), docx(statutoryReport({ format: "2019" }))];
if (sharedAvailable()) {
  const dir = join(SHARED, "fixtures/seeds-docx");
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".docx")))
    sources.push(new Uint8Array(readFileSync(join(dir, name))));
}
const snapshots = sources.map((bytes) => readDocument(bytes));

// ---- mutations of real tables ----------------------------------------------------------------

type Mutation = (table: SnapshotTable, pick: number[]) => void;
const at = <T>(items: T[], n: number | undefined): T | undefined =>
  items.length ? items[Math.abs(n ?? 0) % items.length] : undefined;
const cellAt = (table: SnapshotTable, pick: number[]): SnapshotCell | undefined =>
  at(at(table.rows, pick[0])?.cells ?? [], pick[1]);

const WEIRD_TEXTS = [
  "",
  "—",
  "无",
  "-5",
  "1.5",
  "9".repeat(400),
  "1e308",
  "NaN",
  "Infinity",
  "（三）不予公开",
  "总计",
  "小计",
  "一、本年新收政府信息公开申请数量",
  "\u0000",
  "\ud800",
  "🙂",
  "１２３",
  "1,2,3",
  " 7 件 ",
];

const MUTATIONS: Mutation[] = [
  (t, p) => void at(t.rows, p[0])?.cells.splice(Math.abs(p[1] ?? 0) % 8, 1),
  (t, p) => {
    const cell = cellAt(t, p);
    if (cell) cell.columnSpan = 1 + (Math.abs(p[2] ?? 0) % 6);
  },
  (t, p) => {
    const row = at(t.rows, p[0]);
    const cell = cellAt(t, p);
    if (row && cell)
      row.cells.splice(Math.abs(p[1] ?? 0) % (row.cells.length + 1), 0, {
        ...cell,
        nestedTables: [],
      });
  },
  (t, p) => {
    const cell = cellAt(t, p);
    if (cell) cell.text = at(WEIRD_TEXTS, p[2]) ?? "";
  },
  (t, p) => {
    const cell = cellAt(t, p);
    if (cell) cell.verticalMerge = at(["restart", "continue", null] as const, p[2]) ?? null;
  },
  (t, p) => {
    const cell = cellAt(t, p);
    if (cell) cell.gridColumn = Math.abs(p[2] ?? 0) % 40;
  },
  (t, p) => {
    const row = at(t.rows, p[0]);
    if (row) t.rows.splice(Math.abs(p[1] ?? 0) % (t.rows.length + 1), 0, structuredClone(row));
  },
  (t, p) => void t.rows.splice(Math.abs(p[0] ?? 0) % Math.max(1, t.rows.length), 1),
  (t, p) => {
    t.gridColumnCount = Math.abs(p[0] ?? 0) % 30;
  },
];

function mutate(snapshot: DocumentSnapshot, operations: number[][]): DocumentSnapshot {
  const copy = structuredClone(snapshot);
  for (const [which = 0, tableIndex = 0, ...pick] of operations) {
    const tables = copy.blocks.filter((b): b is SnapshotTable => b.kind === "table");
    const table = at(tables, tableIndex);
    if (!table) continue;
    if (which % (MUTATIONS.length + 1) === MUTATIONS.length) {
      // Split the table in two at a row, as a page break would.
      const cut = Math.abs(pick[0] ?? 0) % Math.max(1, table.rows.length);
      const second: SnapshotTable = { ...table, rows: table.rows.splice(cut) };
      copy.blocks.splice(copy.blocks.indexOf(table) + 1, 0, second);
      copy.blocks.forEach((b, i) => b.kind === "table" && (b.tableIndex = i));
      continue;
    }
    MUTATIONS[which % MUTATIONS.length]?.(table, pick);
  }
  return copy;
}

function assertReport(snapshot: DocumentSnapshot): void {
  const result = check(snapshot);
  expect(Array.isArray(result.findings)).toBe(true);
  jsonReportSchema.parse({
    files: [
      {
        file: "x.docx",
        unit: result.unit,
        format: result.format,
        year: result.year,
        error: null,
        findings: result.findings.map(toJsonFinding),
      },
    ],
  });
}

describe("check never fails, whatever the tables look like", () => {
  it("survives random mutations of real report tables", () => {
    const operation = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: snapshots.length - 1 }),
        fc.array(operation, { minLength: 1, maxLength: 12 }),
        (source, operations) => {
          assertReport(mutate(snapshots[source] as DocumentSnapshot, operations));
        },
      ),
      settings,
    );
  });

  it("survives arbitrary cell texts in every statutory cell", () => {
    const base = snapshots[0] as DocumentSnapshot;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom(...WEIRD_TEXTS), fc.double().map(String)), {
          minLength: 1,
          maxLength: 300,
        }),
        (texts) => {
          const copy = structuredClone(base);
          let i = 0;
          for (const block of copy.blocks) {
            if (block.kind !== "table") continue;
            for (const row of block.rows)
              for (const cell of row.cells) cell.text = texts[i++ % texts.length] as string;
          }
          assertReport(copy);
        },
      ),
      settings,
    );
  });
});

// ---- broken files ---------------------------------------------------------------------------

function readsOrRejects(bytes: Uint8Array): void {
  try {
    const snapshot = readDocument(bytes);
    assertReport(snapshot);
  } catch (error) {
    if (!(error instanceof DocumentReadError)) throw error;
  }
}

describe("the reader never throws anything but a DocumentReadError", () => {
  it("on random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), readsOrRejects), settings);
  });

  it("on random bytes behind a zip or XML signature", () => {
    const heads = [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
      new TextEncoder().encode("<?xml version='1.0'?><w:document "),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: heads.length - 1 }),
        fc.uint8Array({ maxLength: 2048 }),
        (head, tail) => {
          readsOrRejects(new Uint8Array([...(heads[head] as Uint8Array), ...tail]));
        },
      ),
      settings,
    );
  });

  it("on truncated and bit-flipped real documents", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })),
          { maxLength: 8 },
        ),
        (source, keep, flips) => {
          const original = sources[source] as Uint8Array;
          const bytes = original.slice(0, Math.floor(original.length * keep));
          for (const [where, value] of flips)
            if (bytes.length) bytes[Math.floor(where * (bytes.length - 1))] = value;
          readsOrRejects(bytes);
        },
      ),
      settings,
    );
  });
});

// ---- mutations of the XML of real documents ------------------------------------------------

/** A real document with its main part's XML mutated and the package zipped again. */
function mutatedDocx(source: number, seed: number, count: number): Uint8Array {
  const files = unzipSync(sources[source] as Uint8Array);
  const xml = strFromU8(files["word/document.xml"] as Uint8Array);
  files["word/document.xml"] = strToU8(mutateXml(xml, seed, count));
  return zipSync(files);
}

const mutationCase = fc.tuple(
  fc.integer({ min: 0, max: sources.length - 1 }),
  fc.integer(),
  fc.integer({ min: 1, max: 6 }),
);

describe("mutated XML of real documents", () => {
  it("is read and checked, or refused with a DocumentReadError; most cases are readable", () => {
    let cases = 0;
    let readable = 0;
    fc.assert(
      fc.property(mutationCase, ([source, seed, count]) => {
        cases++;
        const bytes = mutatedDocx(source, seed, count);
        try {
          assertReport(readDocument(bytes));
          readable++;
        } catch (error) {
          if (!(error instanceof DocumentReadError)) throw error;
        }
      }),
      settings,
    );
    expect(readable / cases).toBeGreaterThan(0.5);
  });

  it("is annotated into a package the reader reads back, or refused with a DocumentReadError", () => {
    let annotated = 0;
    fc.assert(
      fc.property(mutationCase, ([source, seed, count]) => {
        const bytes = mutatedDocx(source, seed, count);
        let findings: Finding[];
        try {
          findings = check(readDocument(bytes)).findings;
        } catch (error) {
          if (error instanceof DocumentReadError) return;
          throw error;
        }
        let copy: Uint8Array;
        try {
          copy = annotateDocx(bytes, findings);
        } catch (error) {
          if (error instanceof DocumentReadError) return;
          throw error;
        }
        readDocument(copy);
        annotated++;
      }),
      { ...settings, numRuns: Math.ceil(RUNS / 2) },
    );
    expect(annotated).toBeGreaterThan(RUNS / 4);
  });
});

describe("the ledger reader", () => {
  const ledger: Ledger = {
    cells: [
      {
        tableIndex: 0,
        rowIndex: 2,
        cellIndex: 3,
        original: "#FFFFFF",
        applied: "#FFC7CE",
        text: "12",
      },
      { tableIndex: 2, rowIndex: 5, cellIndex: 1, original: null, applied: "#FFEB9C", text: "" },
    ],
    comments: ["错误：合计不符（table-sum）", "提示"],
  };
  const xml = ledgerToXml(ledger);

  it("reads its own ledger back", () => {
    expect(ledgerFromXml(xml)).toEqual(ledger);
  });

  it("never throws on a mutated ledger", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 6 }),
        fc.string(),
        (seed, count, junk) => {
          const mutated = mutateXml(xml, seed, count);
          ledgerFromXml(mutated);
          ledgerFromXml(mutated.slice(0, Math.abs(seed) % (mutated.length + 1)) + junk);
        },
      ),
      settings,
    );
  });
});
