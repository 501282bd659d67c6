/**
 * The generated tables against the statutory layout (../shared/spec/statutory-format.md
 * §2.3–2.5, §3), read back through the OOXML reader so merges are checked as Word sees them.
 * The expected layouts are written out here, not derived from the format data.
 */
import { readDocument } from "../ooxml/read-document";
import type { SnapshotTable } from "../model/snapshot";
import { toDocx } from "./package";
import { tableGrid } from "./grids";
import type { FormatId, TableId } from "../formats/types";

function readBack(format: FormatId, table: TableId): SnapshotTable {
  const block = readDocument(toDocx([tableGrid(format, table)], "t")).blocks.find(
    (b) => b.kind === "table",
  );
  if (block?.kind !== "table") throw new Error("no table");
  return block;
}

/** Every cell that starts a region: [row, column, rowSpan, columnSpan, text]. */
function regions(table: SnapshotTable): [number, number, number, number, string][] {
  return table.rows.flatMap((row, r) =>
    row.cells
      .filter((c) => c.verticalMerge !== "continue")
      .map((c): [number, number, number, number, string] => [
        r,
        c.gridColumn,
        c.rowSpan,
        c.columnSpan,
        c.text,
      ]),
  );
}

const labeled = (table: SnapshotTable) => regions(table).filter(([, , , , text]) => text !== "");
const dataCells = (table: SnapshotTable, labelColumns: number) =>
  regions(table).filter(([r, c, , , text]) => text === "" && (r > 0 || c >= labelColumns));

describe("table 二", () => {
  it("2021: 4 columns × 14 rows, 10 data cells, merges as in the format", () => {
    const table = readBack("2021", "table2");
    expect(table.gridColumnCount).toBe(4);
    expect(table.rows).toHaveLength(14);
    expect(labeled(table)).toEqual([
      [0, 0, 1, 4, "第二十条第（一）项"],
      [1, 0, 1, 1, "信息内容"],
      [1, 1, 1, 1, "本年制发件数"],
      [1, 2, 1, 1, "本年废止件数"],
      [1, 3, 1, 1, "现行有效件数"],
      [2, 0, 1, 1, "规章"],
      [3, 0, 1, 1, "行政规范性文件"],
      [4, 0, 1, 4, "第二十条第（五）项"],
      [5, 0, 1, 1, "信息内容"],
      [5, 1, 1, 3, "本年处理决定数量"],
      [6, 0, 1, 1, "行政许可"],
      [7, 0, 1, 4, "第二十条第（六）项"],
      [8, 0, 1, 1, "信息内容"],
      [8, 1, 1, 3, "本年处理决定数量"],
      [9, 0, 1, 1, "行政处罚"],
      [10, 0, 1, 1, "行政强制"],
      [11, 0, 1, 4, "第二十条第（八）项"],
      [12, 0, 1, 1, "信息内容"],
      [12, 1, 1, 3, "本年收费金额（单位：万元）"],
      [13, 0, 1, 1, "行政事业性收费"],
    ]);
    expect(dataCells(table, 1)).toHaveLength(10);
    expect(dataCells(table, 1).filter(([r]) => r === 6)).toEqual([[6, 1, 1, 3, ""]]);
  });

  it("2019: 7 grid columns × 18 rows, 22 data cells; three values span 2, two values span 3", () => {
    const table = readBack("2019", "table2");
    expect(table.gridColumnCount).toBe(7);
    expect(table.rows).toHaveLength(18);
    expect(dataCells(table, 1)).toHaveLength(22);
    expect(table.rows[2]?.cells.map((c) => [c.gridColumn, c.columnSpan])).toEqual([
      [0, 1],
      [1, 2],
      [3, 2],
      [5, 2],
    ]);
    expect(table.rows[14]?.cells.map((c) => [c.gridColumn, c.columnSpan])).toEqual([
      [0, 1],
      [1, 3],
      [4, 3],
    ]);
    expect(labeled(table).map(([, , , , t]) => t)).toEqual(
      expect.arrayContaining([
        "本年新制作数量",
        "规范性文件",
        "其他对外管理服务事项",
        "本年增/减",
        "第二十条第（九）项",
        "政府集中采购",
        "采购总金额",
      ]),
    );
  });
});

describe("table 三", () => {
  it("2021: 10 columns × 28 rows, 175 data cells, the header and row merges of the format", () => {
    const table = readBack("2021", "table3");
    expect(table.gridColumnCount).toBe(10);
    expect(table.rows).toHaveLength(28);
    const merged = labeled(table).filter(
      ([, , rowSpan, columnSpan]) => rowSpan > 1 || columnSpan > 1,
    );
    expect(merged).toEqual([
      [0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"],
      [0, 3, 1, 7, "申请人情况"],
      [1, 3, 2, 1, "自然人"],
      [1, 4, 1, 5, "法人或其他组织"],
      [1, 9, 2, 1, "总计"],
      [3, 0, 1, 3, "一、本年新收政府信息公开申请数量"],
      [4, 0, 1, 3, "二、上年结转政府信息公开申请数量"],
      [5, 0, 22, 1, "三、本年度办理结果"],
      [5, 1, 1, 2, "（一）予以公开"],
      [6, 1, 1, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
      [7, 1, 8, 1, "（三）不予公开"],
      [15, 1, 3, 1, "（四）无法提供"],
      [18, 1, 5, 1, "（五）不予处理"],
      [23, 1, 3, 1, "（六）其他处理"],
      [26, 1, 1, 2, "（七）总计"],
      [27, 0, 1, 3, "四、结转下年度继续办理"],
    ]);
    expect(table.rows[2]?.cells.map((c) => c.text)).toEqual([
      "",
      "",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
      "",
    ]);
    expect(table.rows[9]?.cells[2]?.text).toBe("3.危及“三安全一稳定”");
    expect(table.rows[25]?.cells[2]?.text).toBe("3.其他");
    expect(dataCells(table, 3).filter(([r]) => r >= 3)).toHaveLength(175);
  });

  it("2019: 26 rows, （六）其他处理 as one row, 三 spanning 20 rows, 161 data cells", () => {
    const table = readBack("2019", "table3");
    expect(table.rows).toHaveLength(26);
    expect(labeled(table)).toContainEqual([5, 0, 20, 1, "三、本年度办理结果"]);
    expect(labeled(table)).toContainEqual([23, 1, 1, 2, "（六）其他处理"]);
    expect(dataCells(table, 3).filter(([r]) => r >= 3)).toHaveLength(161);
  });
});

describe("table 四", () => {
  it("15 columns × 4 rows, 15 data cells, 行政复议 over 5 and 行政诉讼 over 10", () => {
    const table = readBack("2021", "table4");
    expect(table.gridColumnCount).toBe(15);
    expect(table.rows).toHaveLength(4);
    const heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    expect(labeled(table)).toEqual([
      [0, 0, 1, 5, "行政复议"],
      [0, 5, 1, 10, "行政诉讼"],
      ...heads.map((h, i): [number, number, number, number, string] => [1, i, 2, 1, h]),
      [1, 5, 1, 5, "未经复议直接起诉"],
      [1, 10, 1, 5, "复议后起诉"],
      ...[...heads, ...heads].map((h, i): [number, number, number, number, string] => [
        2,
        5 + i,
        1,
        1,
        h,
      ]),
    ]);
    expect(table.rows[3]?.cells).toHaveLength(15);
  });

  it("is the same in the 2019 trial format", () => {
    expect(regions(readBack("2019", "table4"))).toEqual(regions(readBack("2021", "table4")));
  });
});
