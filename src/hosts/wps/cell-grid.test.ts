import { gridFromCells, type ListedCell } from "./cell-grid";

const cell = (
  row: number,
  column: number,
  width: number,
  text = `${row}.${column}`,
): ListedCell => ({
  row,
  column,
  width,
  text,
  shading: null,
});

/** Each row as [text, gridColumn, columnSpan, rowSpan, verticalMerge] per cell. */
const shape = (cells: ListedCell[]) =>
  gridFromCells(cells, 0).rows.map((r) =>
    r.cells.map((c) => [c.text, c.gridColumn, c.columnSpan, c.rowSpan, c.verticalMerge]),
  );

describe("gridFromCells", () => {
  it("lays a plain table on a grid of its columns", () => {
    const table = gridFromCells(
      [cell(0, 0, 36), cell(0, 1, 36), cell(1, 0, 36), cell(1, 1, 36)],
      4,
    );
    expect(table.tableIndex).toBe(4);
    expect(table.gridColumnCount).toBe(2);
    expect(shape([cell(0, 0, 36), cell(0, 1, 36), cell(1, 0, 36), cell(1, 1, 36)])).toEqual([
      [
        ["0.0", 0, 1, 1, null],
        ["0.1", 1, 1, 1, null],
      ],
      [
        ["1.0", 0, 1, 1, null],
        ["1.1", 1, 1, 1, null],
      ],
    ]);
  });

  it("gives a cell as wide as two columns a span of two", () => {
    expect(shape([cell(0, 0, 72, "合计"), cell(1, 0, 36), cell(1, 1, 36)])).toEqual([
      [["合计", 0, 2, 1, null]],
      [
        ["1.0", 0, 1, 1, null],
        ["1.1", 1, 1, 1, null],
      ],
    ]);
  });

  it("reads a column number skipped in a row as a cell covered by the cell above", () => {
    // Rows 1 and 2 list only their second cell: the first is covered by row 0's.
    const cells = [cell(0, 0, 36, "申请人"), cell(0, 1, 36), cell(1, 1, 36), cell(2, 1, 36)];
    expect(shape(cells)).toEqual([
      [
        ["申请人", 0, 1, 3, "restart"],
        ["0.1", 1, 1, 1, null],
      ],
      [
        ["", 0, 1, 1, "continue"],
        ["1.1", 1, 1, 1, null],
      ],
      [
        ["", 0, 1, 1, "continue"],
        ["2.1", 1, 1, 1, null],
      ],
    ]);
  });

  it("takes edges within half a point as one, and finds the grid of uneven rows", () => {
    const cells = [cell(0, 0, 50.2), cell(0, 1, 21.9), cell(1, 0, 35.8), cell(1, 1, 36.3)];
    const table = gridFromCells(cells, 0);
    expect(table.gridColumnCount).toBe(3);
    expect(shape(cells)).toEqual([
      [
        ["0.0", 0, 2, 1, null],
        ["0.1", 2, 1, 1, null],
      ],
      [
        ["1.0", 0, 1, 1, null],
        ["1.1", 1, 2, 1, null],
      ],
    ]);
  });

  it("keeps each cell's text and shading", () => {
    const table = gridFromCells([{ ...cell(0, 0, 36, "63"), shading: "#FFC7CE" }], 0);
    expect(table.rows[0]?.cells[0]).toMatchObject({ text: "63", shading: "#FFC7CE" });
  });

  it("gives an empty table for no cells", () => {
    expect(gridFromCells([], 2)).toEqual({
      kind: "table",
      tableIndex: 2,
      gridColumnCount: 0,
      rows: [],
    });
  });
});
