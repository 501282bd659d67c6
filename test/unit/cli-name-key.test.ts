/**
 * Copy names already taken are compared as APFS, HFS+ and NTFS (through macOS) compare them:
 * case and Unicode normalization (NFC / NFD) aside.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nameKey, nameTooLong, planCopies } from "../../src/cli/output-target";

const NFC = "\u00e9\u5e74.docx"; // é年.docx, é as one code point
const NFD = "e\u0301\u5e74.docx"; // the same name, é as e + combining acute

describe("nameKey", () => {
  it("is one key for a name in NFC and in NFD", () => {
    expect(NFC).not.toBe(NFD);
    expect(nameKey(NFC)).toBe(nameKey(NFD));
  });

  it("is one key for names differing in case only", () => {
    expect(nameKey("/a/Report.DOCX")).toBe(nameKey("/a/report.docx"));
  });

  it("keeps different names apart", () => {
    expect(nameKey("甲.docx")).not.toBe(nameKey("乙.docx"));
  });
});

describe("planCopies", () => {
  it("gives inputs whose names differ only in normalization two copies", () => {
    const folder = mkdtempSync(join(tmpdir(), "nianbao-name-key-"));
    const { paths } = planCopies([join("一", NFC), join("二", NFD)], folder, new Set());
    expect(paths[0]).toBe(join(folder, "\u00e9\u5e74.校核.docx"));
    expect(paths[1]).toBe(join(folder, "e\u0301\u5e74-2.校核.docx"));
  });
});

describe("nameTooLong", () => {
  it("counts a name's bytes, not its characters", () => {
    expect(nameTooLong(`${"年".repeat(85)}.txt`)).toBe(true); // 259 bytes
    expect(nameTooLong(`${"年".repeat(83)}.txt`)).toBe(false); // 253 bytes
    expect(nameTooLong(`${"a".repeat(251)}.txt`)).toBe(false);
    expect(nameTooLong(`${"a".repeat(252)}.txt`)).toBe(true);
  });
});
