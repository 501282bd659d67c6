/**
 * Marks in a document holding several reports (a 汇编): each report's cells are marked, one
 * report is edited, and clearing finds every mark by meaning in its own report, restoring each
 * original shading and touching nothing else, even where two reports hold the same faulty figure.
 */
import { check, MARK_COLORS } from "../../../src/core";
import type { SnapshotCell } from "../../../src/core/model/snapshot";
import { checkDocument, clearMarks } from "../../../src/hosts/actions";
import { MemoryDocument } from "../../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../../src/hosts/memory/memory-host";
import { BALANCED_TABLE3, docx, documentXml, statutoryReport } from "../../support/docx-builder";

const bodyOf = (xml: string) =>
  xml.slice(xml.indexOf("<w:body>") + "<w:body>".length, xml.lastIndexOf("<w:sectPr"));

/** 甲镇 and 乙镇 carry the same wrong row total; 丙镇 a wrong table 四 total. */
function compilation(): MemoryDocument {
  const wrongRow = { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] };
  const body = [
    statutoryReport({ unit: "甲镇", table3: wrongRow }),
    statutoryReport({ unit: "乙镇", table3: wrongRow }),
    statutoryReport({
      unit: "丙镇",
      table4: { review: [1, 1, 0, 1, 4], suitDirect: [1, 0, 0, 0, 1] },
    }),
  ]
    .map(bodyOf)
    .join("");
  return MemoryDocument.fromDocx(docx(documentXml(body)));
}

const cells = (doc: MemoryDocument) => doc.tables().flatMap((t) => t.rows.flatMap((r) => r.cells));
const wrongTotal = (doc: MemoryDocument, tableIndex: number) => {
  const row = doc.tables()[tableIndex]?.rows.find((r) => r.cells.some((c) => c.text === "12"));
  return row?.cells.find((c) => c.text === "12") as SnapshotCell;
};

async function markEditClear(edit: (doc: MemoryDocument) => void) {
  const doc = compilation();
  const host = new MemoryHost(doc);
  // Shading of their own: the same cell of 甲镇 and 乙镇 in different colours.
  wrongTotal(doc, 1).shading = "#D9D9D9";
  wrongTotal(doc, 4).shading = null;
  const own = new Map(cells(doc).map((c) => [c, c.shading ?? null]));
  const texts = new Map(cells(doc).map((c) => [c, c.text]));
  const paragraphs = doc.paragraphs().map((p) => p.text);

  const result = check(doc.snapshot());
  expect(result.reports.map((r) => r.unit)).toEqual(["甲镇", "乙镇", "丙镇"]);
  await checkDocument(host, { shading: true, reviewer: false });
  const marked = (await host.read()).ledger.cells;
  expect(marked.length).toBeGreaterThanOrEqual(3);
  expect(wrongTotal(doc, 1).shading).toBe(MARK_COLORS.error);
  expect(wrongTotal(doc, 4).shading).toBe(MARK_COLORS.error);

  edit(doc);
  const report = await clearMarks(host);
  const surviving = cells(doc);
  return { doc, report, marked, own, texts, paragraphs, surviving, host };
}

describe("marks in a document of several reports", () => {
  it("restores every original shading after rows are added to and removed from one report", async () => {
    const run = await markEditClear((doc) => {
      const table3 = doc.tables()[4];
      if (!table3) throw new Error("乙镇 has no table 三");
      doc.insertRow(table3, 3);
      const table2 = doc.tables()[3];
      if (table2) doc.deleteTable(table2);
    });
    const inserted = new Set(run.surviving.filter((c) => !run.own.has(c)));
    for (const cell of run.surviving) {
      if (inserted.has(cell)) continue;
      expect([cell.text, cell.shading ?? null]).toEqual([run.texts.get(cell), run.own.get(cell)]);
    }
    expect(run.report.missing.length).toBe(run.marked.filter((m) => m.tableIndex === 3).length);
    expect(run.report.restored + run.report.missing.length).toBe(run.marked.length);
    expect(run.doc.paragraphs().map((p) => p.text)).toEqual(run.paragraphs);
    expect((await run.host.read()).ledger.cells).toEqual([]);
  });

  it("does not give one report's mark to another's cell when its own table is deleted", async () => {
    const run = await markEditClear((doc) => {
      const table3 = doc.tables()[1];
      if (!table3) throw new Error("甲镇 has no table 三");
      doc.deleteTable(table3);
    });
    for (const cell of run.surviving)
      expect([cell.text, cell.shading ?? null]).toEqual([run.texts.get(cell), run.own.get(cell)]);
    // 乙镇's cell had no shading of its own: it must not take 甲镇's grey.
    expect(wrongTotal(run.doc, 3).shading ?? null).toBeNull();
    expect(run.report.missing.map((m) => m.tableIndex)).toEqual(
      run.marked.filter((m) => m.tableIndex === 1).map((m) => m.tableIndex),
    );
    expect(run.report.restored + run.report.missing.length).toBe(run.marked.length);
  });
});
