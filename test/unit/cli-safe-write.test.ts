/**
 * writeFileAtomic, the one way the command line writes a file: the temporary file beside the
 * target never stays, an existing file is kept unless `replace`, and a replace is asked once
 * more just before the rename, so a file edited while the new one was written is kept.
 */
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReplaceRefused, TargetExistsError, writeFileAtomic } from "../../src/cli/safe-write";

const folder = () => mkdtempSync(join(tmpdir(), "nianbao-safe-write-"));

describe("writeFileAtomic", () => {
  it("writes a new file and leaves no temporary file", () => {
    const dir = folder();
    writeFileAtomic(join(dir, "r.txt"), "新", { replace: false });
    expect(readFileSync(join(dir, "r.txt"), "utf8")).toBe("新");
    expect(readdirSync(dir)).toEqual(["r.txt"]);
  });

  it("never replaces an existing file without replace", () => {
    const dir = folder();
    writeFileSync(join(dir, "r.txt"), "别人的");
    expect(() => writeFileAtomic(join(dir, "r.txt"), "新", { replace: false })).toThrow(
      TargetExistsError,
    );
    expect(readFileSync(join(dir, "r.txt"), "utf8")).toBe("别人的");
    expect(readdirSync(dir)).toEqual(["r.txt"]);
  });

  it("asks just before the rename, after writing, and keeps the file when refused", () => {
    const dir = folder();
    const path = join(dir, "r.txt");
    writeFileSync(path, "旧报告");
    let asked = 0;
    expect(() =>
      writeFileAtomic(path, "新报告", {
        replace: true,
        beforeReplace: () => {
          asked += 1;
          // Someone saves the file while the new one was being written.
          writeFileSync(path, "张三改过");
          return "已被编辑";
        },
      }),
    ).toThrow(ReplaceRefused);
    expect(asked).toBe(1);
    expect(readFileSync(path, "utf8")).toBe("张三改过");
    expect(readdirSync(dir)).toEqual(["r.txt"]);
  });

  it("replaces when allowed, keeping the old file's mode", () => {
    const dir = folder();
    const path = join(dir, "r.txt");
    writeFileSync(path, "旧报告");
    chmodSync(path, 0o600);
    writeFileAtomic(path, "新报告", { replace: true, beforeReplace: () => null });
    expect(readFileSync(path, "utf8")).toBe("新报告");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["r.txt"]);
  });
});
