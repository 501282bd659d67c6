/**
 * The check made again just before a report is written: a report of ours that was made
 * read-only during the run is refused then, as it would have been up front (also for root, who
 * may write anything: the mode's write bits decide).
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replaceRefusal } from "../../src/cli/output-target";

describe("replaceRefusal", () => {
  const folder = mkdtempSync(join(tmpdir(), "nianbao-still-"));
  const report = join(folder, "校核结果.txt");

  it("takes a text report of ours, and a name nothing holds", () => {
    writeFileSync(report, "共 0 个文件：已检查 0\n");
    chmodSync(report, 0o644);
    expect(replaceRefusal(report, "text")).toBeNull();
    expect(replaceRefusal(join(folder, "新.txt"), "text")).toBeNull();
  });

  it("refuses it once it has been made read-only", () => {
    writeFileSync(report, "共 0 个文件：已检查 0\n");
    chmodSync(report, 0o444);
    expect(replaceRefusal(report, "text")).toMatch(/只读/);
    chmodSync(report, 0o644);
  });

  it("takes a 台账 name nothing holds any more, and refuses one made read-only", () => {
    const workbook = join(folder, "台账.xlsx");
    expect(replaceRefusal(workbook, "xlsx")).toBeNull();
    writeFileSync(workbook, "");
    chmodSync(workbook, 0o444);
    expect(replaceRefusal(workbook, "xlsx")).toMatch(/只读/);
  });

  it("refuses a text that is not a report of ours", () => {
    writeFileSync(report, "张三的笔记\n");
    expect(replaceRefusal(report, "text")).toMatch(/不是本工具之前生成的/);
  });
});
