/**
 * Nothing skipped silently: every file a folder scan finds appears in every report format, as
 * checked or 未检查 with the reason; symlinks are followed without looping; only hidden and
 * system files, and our own copies (counted), are left out.
 */
import { capture } from "../support/cli";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonReportSchema } from "../../src/core";
import { markCopy } from "../../src/cli/own-output";
import { docx, statutoryReport } from "../support/docx-builder";
import {
  captureAsOrdinaryUser,
  openToOthers,
  ordinaryUserAvailable,
} from "../support/ordinary-user";

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

/** A folder as a supervising office receives it. */
function receivedFolder() {
  const root = mkdtempSync(join(tmpdir(), "nianbao-scan-"));
  const dir = join(root, "收到的年报");
  mkdirSync(join(dir, "乡镇"), { recursive: true });
  const outside = join(root, "另一处");
  mkdirSync(outside);
  const put = (name: string, content: Uint8Array | string) =>
    writeFileSync(join(dir, name), content);
  put("01甲.docx", docx(statutoryReport({ unit: "甲镇人民政府" })));
  put("02乙.doc", CFB);
  put("03丙.wps", CFB);
  put("04丁.pdf", "%PDF-1.7");
  put("05戊.odt", "PK");
  put("06己.et", CFB);
  put("07庚.xls", CFB);
  put("08辛.zip", "PK");
  put("09盖章页.jpg", "jpeg");
  put("10说明.txt", "说明");
  put(join("乡镇", "11壬.docx"), docx(statutoryReport({ unit: "壬镇人民政府" })));
  // Hidden and system files: never listed.
  put("~$01甲.docx", "lock");
  put(".DS_Store", "x");
  put("Thumbs.db", "x");
  put("~WRL0001.tmp", "x");
  // Our own copy (as --annotate marks it): not checked again, counted in a note.
  put("01甲.校核.docx", markCopy(docx(statutoryReport())));
  // Links: a report elsewhere, a folder elsewhere, a dangling link, a loop.
  // Two different files: one file reached twice is checked once (test/cli-input-identity.test.ts).
  writeFileSync(join(outside, "癸.docx"), docx(statutoryReport({ unit: "癸镇人民政府" })));
  writeFileSync(join(root, "癸.docx"), docx(statutoryReport({ unit: "癸镇人民政府" })));
  symlinkSync(join(root, "癸.docx"), join(dir, "12癸-链接.docx"));
  symlinkSync(outside, join(dir, "13另一处-链接"));
  symlinkSync(join(root, "gone.docx"), join(dir, "14失效链接.docx"));
  symlinkSync(dir, join(dir, "乡镇", "15回到上级"));
  return { dir };
}

const NOT_CHECKED = [
  ["02乙.doc", "legacy-format", ".doc 为旧版 Word 格式，请在 Word 或 WPS 中另存为 .docx 后再检查"],
  [
    "03丙.wps",
    "legacy-format",
    ".wps 为旧版 WPS 文字格式，请在 Word 或 WPS 中另存为 .docx 后再检查",
  ],
  ["04丁.pdf", "pdf", "PDF 无法检查，请提供 Word 版（.docx）"],
  ["05戊.odt", "other-document", "另存为 .docx"],
  ["06己.et", "spreadsheet", ".et 为电子表格"],
  ["07庚.xls", "spreadsheet", ".xls 为电子表格"],
  ["08辛.zip", "archive", "请解压后再检查"],
  ["09盖章页.jpg", "image", "如是报告的扫描件"],
  ["10说明.txt", "not-a-document", "不是 Word 文档"],
  ["14失效链接.docx", "broken-link", "指向的文件不存在"],
] as const;

describe("a folder scan lists every file", () => {
  const { dir } = receivedFolder();
  const checked = [
    join(dir, "01甲.docx"),
    join(dir, "12癸-链接.docx"),
    join(dir, "13另一处-链接", "癸.docx"),
    join(dir, "乡镇", "11壬.docx"),
  ];

  it("in JSON: each file checked or not-checked with the reason, loops walked once", async () => {
    const { code, stdout } = await capture(["check", "-f", "json", dir]);
    // A .doc, .wps, .pdf … may be a report that was not checked: the run is incomplete (3).
    expect(code).toBe(3);
    const report = jsonReportSchema.parse(JSON.parse(stdout));
    const byFile = new Map(report.files.map((f) => [f.file, f]));
    for (const [name, code, words] of NOT_CHECKED) {
      const file = byFile.get(join(dir, name));
      expect([name, file?.status, file?.error?.code]).toEqual([name, "not-checked", code]);
      expect(file?.error?.message).toContain("未检查：");
      expect(file?.error?.message).toContain(words);
    }
    for (const path of checked) expect([path, byFile.get(path)?.status]).toEqual([path, "checked"]);
    expect(report.files).toHaveLength(NOT_CHECKED.length + checked.length);
    expect(report.files.some((f) => /~\$|DS_Store|Thumbs|~WRL/.test(f.file))).toBe(false);
    expect(report.excluded?.map((e) => [e.path, e.code])).toEqual([
      [join(dir, "01甲.校核.docx"), "annotated-copy"],
      [join(dir, "乡镇", "15回到上级"), "folder-seen"],
    ]);
  });

  it("in text, with a summary that never calls an unchecked file checked", async () => {
    const { stdout } = await capture(["check", dir]);
    expect(stdout).toContain(
      `共 ${NOT_CHECKED.length + checked.length} 个文件：已检查 4，0 个有错误，未检查 10`,
    );
    expect(stdout).not.toMatch(/共检查/);
    for (const [name, , words] of NOT_CHECKED) {
      const at = stdout.indexOf(join(dir, name));
      expect([name, at >= 0]).toEqual([name, true]);
      expect(stdout.slice(at).split("\n")[1]).toContain("⊘ 未检查");
      expect(stdout.slice(at).split("\n")[1]).toContain(words);
    }
    expect(stdout).toContain("另有 1 个批注副本（*.校核.docx）为本工具生成，不再检查");
    expect(stdout).toContain(`“${join(dir, "乡镇", "15回到上级")}”与“${dir}”是同一个文件夹`);
  });

  it("in CSV, one row at least for every file", async () => {
    const { stdout } = await capture(["check", "-f", "csv", dir]);
    const rows = stdout.split("\r\n");
    for (const [name, , words] of NOT_CHECKED) {
      const row = rows.find((r) => r.startsWith(`${join(dir, name)},,,未检查,,,,`));
      expect([name, row?.includes(words), row?.endsWith(",,not-checked")]).toEqual([
        name,
        true,
        true,
      ]);
    }
    // Checked and clean: a row that says so, with the unit and 「通过」.
    for (const path of checked)
      expect(
        rows.some((r) => r.startsWith(`${path},`) && r.includes(",通过,,,,已检查，未发现问题,")),
      ).toBe(true);
    expect(rows.some((r) => r.startsWith(`${join(dir, "01甲.校核.docx")},,,已跳过,`))).toBe(true);
  });

  it("in HTML, in the summary table and with a section each", async () => {
    const { stdout } = await capture(["check", "-f", "html", dir]);
    expect(stdout).toContain('<span id="total-not-checked">10</span>');
    expect(stdout).toContain('<span id="total-checked">4</span>');
    expect(stdout.match(/<td class="status skipped">未检查<\/td>/g)).toHaveLength(10);
    expect(stdout.match(/<section class="file">/g)).toHaveLength(14);
    expect(stdout).toContain("另存为 .docx");
  });

  it("stays clean when what is not checked cannot be a report", async () => {
    const root = mkdtempSync(join(tmpdir(), "nianbao-scan-clean-"));
    writeFileSync(join(root, "甲.docx"), docx(statutoryReport()));
    writeFileSync(join(root, "说明.txt"), "x");
    writeFileSync(join(root, "照片.png"), "x");
    const { code, stdout } = await capture(["check", root]);
    expect(code).toBe(0);
    expect(stdout).toContain("共 3 个文件：已检查 1，0 个有错误，未检查 2");
  });

  (ordinaryUserAvailable ? it : it.skip)(
    "lists a folder it cannot open, as a place reports may be",
    async () => {
      const root = mkdtempSync(join(tmpdir(), "nianbao-scan-locked-"));
      writeFileSync(join(root, "甲.docx"), docx(statutoryReport()));
      mkdirSync(join(root, "锁定"));
      openToOthers(root, join(root, "甲.docx"));
      chmodSync(join(root, "锁定"), 0);
      const { code, stdout } = await captureAsOrdinaryUser(["check", "-f", "json", root]);
      chmodSync(join(root, "锁定"), 0o755);
      expect(code).toBe(3);
      const files = jsonReportSchema.parse(JSON.parse(stdout)).files;
      expect(files.map((f) => [f.file, f.status, f.error?.code ?? null])).toEqual([
        [join(root, "甲.docx"), "checked", null],
        [join(root, "锁定"), "not-checked", "folder-unreadable"],
      ]);
    },
  );

  it("says so when a folder holds no report it can check, and still lists what it found", async () => {
    const root = mkdtempSync(join(tmpdir(), "nianbao-scan-none-"));
    writeFileSync(join(root, "乙.doc"), CFB);
    const { code, stdout, stderr } = await capture(["check", root]);
    expect(code).toBe(2);
    expect(stderr).toContain("没有找到可检查的 .docx 文件");
    expect(stdout).toContain("乙.doc");
    expect(stdout).toContain("共 1 个文件：已检查 0，未检查 1");
  });
});
