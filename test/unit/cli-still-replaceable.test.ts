/**
 * The check made again just before a report is written: a report of ours that was made
 * read-only during the run is refused then, as it would have been up front (also for root, who
 * may write anything: the mode's write bits decide).
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stillReplaceable } from "../../src/cli/output-target";

describe("stillReplaceable", () => {
  const folder = mkdtempSync(join(tmpdir(), "nianbao-still-"));
  const report = join(folder, "校核结果.txt");

  it("takes a text report of ours, and a name nothing holds", () => {
    writeFileSync(report, "共 0 个文件：已检查 0\n");
    chmodSync(report, 0o644);
    expect(stillReplaceable(report, "text")).toBe(true);
    expect(stillReplaceable(join(folder, "新.txt"), "text")).toBe(true);
  });

  it("refuses it once it has been made read-only", () => {
    writeFileSync(report, "共 0 个文件：已检查 0\n");
    chmodSync(report, 0o444);
    expect(stillReplaceable(report, "text")).toBe(false);
    chmodSync(report, 0o644);
  });

  it("refuses a text that is not a report of ours", () => {
    writeFileSync(report, "张三的笔记\n");
    expect(stillReplaceable(report, "text")).toBe(false);
  });
});
