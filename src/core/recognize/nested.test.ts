import { readDocument } from "../ooxml/read-document";
import { check } from "../check/check";
import { cellId } from "../formats/relations";
import type { DocumentSnapshot } from "../model/snapshot";
import { recognize } from ".";
import { cellAtAnchor } from "./anchor";
import type { ReportModel } from "./model";
import {
  BALANCED_TABLE4,
  documentXml,
  heading,
  paragraph,
  table,
  table3Rows,
} from "../../../test/support/docx-builder";
import { captionedLayout, nestedReport } from "../../../test/support/nested-docx";

const read = (xml: string) => readDocument(xml);
const anchorOf = (
  snapshot: DocumentSnapshot,
  id: "table2" | "table3" | "table4",
  row: string,
  column: string,
) => recognize(snapshot).tables[id]?.cells.get(cellId({ table: id, row, column }))?.anchor;

/** The data cells recognized in each statutory table, and all of them in a 2021 report. */
const cellCounts = ({ tables }: ReportModel) => ({
  table2: tables.table2?.cells.size,
  table3: tables.table3?.cells.size,
  table4: tables.table4?.cells.size,
});
const EVERY_CELL = { table2: 10, table3: 175, table4: 15 };

describe("recognition looks through layout tables", () => {
  it("reads each table nested in a captioned layout table, anchored in its nested cell", () => {
    const snapshot = read(nestedReport("captioned"));
    const model = recognize(snapshot);
    expect(cellCounts(model)).toEqual(EVERY_CELL);
    expect(model.tables.table3?.issues).toEqual([]);
    expect(model.tables.table3?.tableIndices).toEqual([1]);
    const anchor = anchorOf(snapshot, "table4", "review", "total");
    expect(anchor).toEqual({
      tableIndex: 2,
      rowIndex: 3,
      cellIndex: 4,
      nesting: [{ rowIndex: 1, cellIndex: 0, tableOrdinal: 0 }],
    });
    expect(cellAtAnchor(snapshot, anchor!)?.text).toBe("3");
    const result = check(snapshot);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.map((f) => f.rule)).not.toContain("table-missing");
  });

  it("reads two statutory tables side by side in a two-cell layout table, and one two layouts deep", () => {
    const snapshot = read(nestedReport("two-cell"));
    const model = recognize(snapshot);
    expect(cellCounts(model)).toEqual(EVERY_CELL);
    expect(anchorOf(snapshot, "table2", "rules", "issued")?.nesting).toEqual([
      { rowIndex: 0, cellIndex: 0, tableOrdinal: 0 },
    ]);
    expect(anchorOf(snapshot, "table3", "new", "total")?.nesting).toEqual([
      { rowIndex: 0, cellIndex: 1, tableOrdinal: 0 },
    ]);
    const deep = anchorOf(snapshot, "table4", "review", "upheld");
    expect(deep?.tableIndex).toBe(1);
    expect(deep?.nesting).toEqual([
      { rowIndex: 0, cellIndex: 0, tableOrdinal: 0 },
      { rowIndex: 0, cellIndex: 0, tableOrdinal: 0 },
    ]);
    expect(cellAtAnchor(snapshot, deep!)?.text).toBe(String(BALANCED_TABLE4.review?.[0]));
    expect(check(snapshot).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("joins one statutory table split over two tables nested in one layout cell", () => {
    const snapshot = read(nestedReport("split"));
    const model = recognize(snapshot);
    expect(model.tables.table3?.cells.size).toBe(175);
    expect(model.tables.table3?.issues).toEqual([]);
    expect(model.tables.table3?.sources).toEqual([
      { tableIndex: 1, nesting: [{ rowIndex: 0, cellIndex: 0, tableOrdinal: 0 }] },
      { tableIndex: 1, nesting: [{ rowIndex: 0, cellIndex: 0, tableOrdinal: 1 }] },
    ]);
    expect(anchorOf(snapshot, "table3", "carryForward", "total")?.nesting).toEqual([
      { rowIndex: 0, cellIndex: 0, tableOrdinal: 1 },
    ]);
  });

  it("gives arithmetic findings the anchors of the nested cells", () => {
    const snapshot = read(
      nestedReport("captioned", { table4: { ...BALANCED_TABLE4, review: [1, 1, 0, 1, 4] } }),
    );
    const findings = check(snapshot).findings.filter((f) => f.rule === "table4-total");
    expect(findings).toHaveLength(1);
    const anchors = findings[0]?.anchors ?? [];
    expect(anchors.length).toBeGreaterThan(0);
    for (const anchor of anchors) {
      expect(anchor.kind).toBe("cell");
      if (anchor.kind !== "cell") continue;
      expect(anchor.tableIndex).toBe(2);
      expect(anchor.nesting).toEqual([{ rowIndex: 1, cellIndex: 0, tableOrdinal: 0 }]);
    }
    const total = anchors.find((a) => a.kind === "cell" && cellAtAnchor(snapshot, a)?.text === "4");
    expect(total).toBeDefined();
  });

  it("keeps a statutory table with a stray table in one of its cells as it is", () => {
    const rows = table3Rows("2021");
    const stray = table([["附注"], ["见说明"]]);
    const withStray = rows.map((row, i) =>
      i === rows.length - 1
        ? row.map((c, j) => (j === 0 ? { xml: paragraph("（注）") + stray } : c))
        : row,
    );
    const snapshot = read(
      documentXml(
        paragraph("某局2023年政府信息公开工作年度报告") +
          heading("三、收到和处理政府信息公开申请情况") +
          table(withStray, 10),
      ),
    );
    const model = recognize(snapshot);
    expect(model.tables.table3?.sources).toEqual([{ tableIndex: 0 }]);
    expect(anchorOf(snapshot, "table3", "new", "total")?.nesting).toBeUndefined();
  });

  it("looks through a layout table only when its nested tables carry the labels", () => {
    const snapshot = read(
      documentXml(
        paragraph("某局2023年政府信息公开工作年度报告") +
          captionedLayout(
            "附表",
            table([
              ["项目", "说明"],
              ["甲", "乙"],
            ]),
          ),
      ),
    );
    expect(recognize(snapshot).tables).toEqual({});
  });

  it("recognizes a table read from a text box like a body table", () => {
    const body = read(
      documentXml(
        paragraph("某局2023年政府信息公开工作年度报告") +
          heading("三、收到和处理政府信息公开申请情况") +
          table(table3Rows("2021"), 10),
      ),
    );
    const boxed: DocumentSnapshot = {
      blocks: body.blocks.map((b) =>
        b.kind === "table" ? { ...b, tableIndex: -1, origin: "textbox" } : b,
      ),
    };
    const model = recognize(boxed);
    expect(model.tables.table3?.cells.size).toBe(175);
    // Checked, never marked: a text-box cell has no anchor a host can reach.
    const result = check(boxed);
    expect(result.findings.filter((f) => f.rule === "table-missing")).toHaveLength(2);
  });
});
