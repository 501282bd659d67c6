import { readDocument } from "../ooxml/read-document";
import { check } from "../check/check";
import { cellId } from "../formats/relations";
import { recognize } from ".";
import {
  BALANCED_TABLE3,
  documentXml,
  heading,
  paragraph,
  relabel,
  statutoryReport,
  textOf,
  table,
  table2Rows,
  table3Rows,
  table4Rows,
  type RowSpec,
} from "../../../test/support/docx-builder";
import { checkReport } from "../../../test/support/check-helpers";

const value = (
  model: ReturnType<typeof recognize>,
  table: "table2" | "table3" | "table4",
  row: string,
  column: string,
) => model.tables[table]?.cells.get(cellId({ table, row, column }))?.value;
const errorsOf = (result: ReturnType<typeof check>) =>
  result.findings.filter((f) => f.severity === "error");

describe("recognizing table 三", () => {
  it("finds columns by their heads and rows by their labels", () => {
    const model = recognize(readDocument(statutoryReport()));
    expect(model.tables.table3?.cells.size).toBe(175);
    expect(value(model, "table3", "unavailable.1", "natural")).toEqual({
      kind: "number",
      value: 3,
    });
    expect(value(model, "table3", "carryForward", "commercial")).toEqual({
      kind: "number",
      value: 1,
    });
  });

  it("reads a table without its three header rows", () => {
    const result = checkReport({ editTable3: (rows) => rows.slice(3) });
    expect(result.model.tables.table3?.cells.size).toBe(175);
    expect(errorsOf(result)).toEqual([]);
  });

  it("tolerates labels split across lines, stray spaces and 1．/1、 numbering", () => {
    const edit = (rows: RowSpec[]) =>
      relabel(
        "1.本机关不掌握相关政府信息",
        "1、本机关不掌握\n相关政府信息",
      )(relabel("2.重复申请", "2．重复 申请")(relabel("商业企业", "商业\n企业")(rows))).map((row) =>
        row.map((c) =>
          typeof c === "object" && c.text === "一、本年新收政府信息公开申请数量"
            ? { ...c, text: "一、本年新收政府\n信息公开申请数量" }
            : c,
        ),
      );
    const result = checkReport({ editTable3: edit });
    expect(result.findings).toEqual([]);
    expect(value(result.model, "table3", "unavailable.1", "natural")).toEqual({
      kind: "number",
      value: 3,
    });
  });

  it("tolerates a small typo in a row label and says so", () => {
    const result = checkReport({
      editTable3: relabel("1.本机关不掌握相关政府信息", "1.本机关不掌握相关政府信患"),
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.location])).toEqual([
      ["table-structure", { table: "table3", row: "unavailable.1", column: null }],
    ]);
  });

  it("uses the （三）…（六） group to tell 3.其他 from other rows when merges are lost", () => {
    const flatten = (rows: RowSpec[]) =>
      rows.map((row) =>
        row.map((c) =>
          typeof c === "object" && c.vMerge === "continue" ? { ...c, vMerge: undefined } : c,
        ),
      );
    const result = checkReport({
      table3: {
        ...BALANCED_TABLE3,
        "other.3": [1, 0, 0, 0, 0, 0, 1],
        total: [17, 1, 0, 0, 0, 0, 18],
        carryForward: [3, 1, 0, 0, 0, 0, 4],
      },
      editTable3: flatten,
    });
    expect(value(result.model, "table3", "other.3", "natural")).toEqual({
      kind: "number",
      value: 1,
    });
    expect(errorsOf(result)).toEqual([]);
  });

  it("joins a table split into two Word tables at a page break", () => {
    const rows = table3Rows("2021");
    const body =
      paragraph("某局2023年政府信息公开工作年度报告") +
      heading("三、收到和处理政府信息公开申请情况") +
      table(rows.slice(0, 14), 10) +
      paragraph("") +
      table(rows.slice(14), 10);
    const model = recognize(readDocument(documentXml(body)));
    expect(model.tables.table3?.tableIndices).toEqual([0, 1]);
    expect(model.tables.table3?.cells.size).toBe(175);
    expect(model.tables.table3?.issues).toEqual([]);
    expect(value(model, "table3", "carryForward", "total")).toEqual({ kind: "number", value: 5 });
  });

  it("separates tables 二 and 三 that the author merged into one Word table", () => {
    const merged = [...table2Rows("2021").map((r) => r), ...table3Rows("2021")];
    const body =
      paragraph("某局2023年政府信息公开工作年度报告") + table(merged, 10) + table(table4Rows(), 15);
    const model = recognize(readDocument(documentXml(body)));
    expect(model.tables.table2?.tableIndices).toEqual([0]);
    expect(model.tables.table3?.tableIndices).toEqual([0]);
    expect(model.tables.table2?.cells.size).toBe(10);
    expect(model.tables.table3?.cells.size).toBe(175);
  });

  it("reads a statutory table nested in a layout table, with the path to its cells", () => {
    const nested = table([[{ xml: paragraph("附：") + table(table3Rows("2021"), 10) }, "说明"]]);
    const model = recognize(
      readDocument(documentXml(paragraph("某局2023年政府信息公开工作年度报告") + nested)),
    );
    expect(model.tables.table3?.cells.size).toBe(175);
    expect(model.tables.table3?.cells.get("table3/new/total")?.anchor.nesting).toEqual([
      { rowIndex: 0, cellIndex: 0, tableOrdinal: 0 },
    ]);
  });
});

describe("recognizing table 四", () => {
  it("reads heads cut short by position, and reports them", () => {
    const cut = (rows: RowSpec[]) => relabel("尚未审结", "尚未")(relabel("结果纠正", "结果")(rows));
    const result = checkReport({ editTable4: cut });
    expect(value(result.model, "table4", "suitDirect", "upheld")).toEqual({
      kind: "number",
      value: 1,
    });
    expect(errorsOf(result)).toEqual([]);
    // Recognition reports each head as data; table-structure words them (one finding).
    const issues = result.model.tables.table4?.issues ?? [];
    expect(
      issues.map((i) => (i.kind === "head-renamed" ? [i.group, i.column, i.written] : i)),
    ).toEqual([
      ["review", "corrected", "结果"],
      ["review", "pending", "尚未"],
      ["suitDirect", "corrected", "结果"],
      ["suitDirect", "pending", "尚未"],
      ["suitAfterReview", "corrected", "结果"],
      ["suitAfterReview", "pending", "尚未"],
    ]);
    expect(result.findings.filter((f) => f.rule === "table-structure")).toHaveLength(1);
  });

  it("skips an extra blank row under the header", () => {
    const extra = (rows: RowSpec[]) => [
      ...rows.slice(0, 3),
      Array.from({ length: 15 }, () => ""),
      ...rows.slice(3),
    ];
    const result = checkReport({ editTable4: extra });
    expect(value(result.model, "table4", "review", "total")).toEqual({ kind: "number", value: 3 });
    expect(result.findings).toEqual([]);
  });

  it("reads a table without header rows by position", () => {
    const result = checkReport({ editTable4: (rows) => rows.slice(3) });
    expect(value(result.model, "table4", "review", "total")).toEqual({ kind: "number", value: 3 });
    expect(errorsOf(result)).toEqual([]);
  });
});

describe("recognizing table 二", () => {
  it("reads blocks with half-width clause brackets and no 信息内容 rows", () => {
    const edit = (rows: RowSpec[]) =>
      rows
        .filter((row) => textOf(row[0] ?? "") !== "信息内容")
        .map((row) =>
          row.map((c) =>
            typeof c === "object" && c.text?.startsWith("第二十条")
              ? { ...c, text: c.text.replace("（", "(").replace("）", ")") }
              : c,
          ),
        );
    const result = checkReport({
      table2: { normativeDocs: [1, 0, 3], fees: ["0.5"] },
      editTable2: edit,
    });
    expect(value(result.model, "table2", "normativeDocs", "inForce")).toEqual({
      kind: "number",
      value: 3,
    });
    expect(value(result.model, "table2", "fees", "amount")).toEqual({ kind: "number", value: 0.5 });
    expect(result.findings).toEqual([]);
  });

  it("detects the 2019 layout from table 二 and table 三 labels", () => {
    const model = recognize(readDocument(statutoryReport({ format: "2019", year: 2020 })));
    expect(model.format).toBe("2019");
    expect(model.layoutEvidence["2019"]).toContain("本年新制作数量");
    expect(model.tables.table3?.cells.size).toBe(161);
    expect(model.tables.table2?.cells.size).toBe(22);
  });
});
