import { deflateSync, strToU8, unzipSync, zipSync } from "fflate";
import { readDocument } from "./read-document";
import { DocumentReadError, type ReadErrorCode } from "./errors";
import { DEFAULT_LIMITS } from "./limits";
import { docx, documentXml, paragraph } from "../../../test/support/docx-builder";

function codeOf(action: () => unknown): ReadErrorCode | "none" {
  try {
    action();
    return "none";
  } catch (error) {
    if (error instanceof DocumentReadError) {
      expect(error.userMessage).toMatch(/[\u4e00-\u9fff]/);
      return error.code;
    }
    throw error;
  }
}

const valid = docx(documentXml(paragraph("正文")));

describe("reading damaged or hostile files", () => {
  it("rejects something that is neither a zip nor XML", () => {
    expect(codeOf(() => readDocument(strToU8("hello, this is plain text")))).toBe("not-docx");
  });

  it("rejects a truncated .docx as damaged", () => {
    expect(codeOf(() => readDocument(valid.subarray(0, valid.length - 30)))).toBe("damaged");
    expect(codeOf(() => readDocument(valid.subarray(0, 200)))).toBe("damaged");
  });

  it("tells a legacy .doc from an encrypted .docx (both OLE compound files)", () => {
    const ole = (extra: string) => {
      const bytes = new Uint8Array(1024);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const text = Array.from(extra).flatMap((c) => [c.charCodeAt(0), 0]);
      bytes.set(text, 512);
      return bytes;
    };
    expect(codeOf(() => readDocument(ole("EncryptionInfo")))).toBe("encrypted");
    expect(codeOf(() => readDocument(ole("WordDocument")))).toBe("legacy-doc");
  });

  it("rejects a zip without word/document.xml", () => {
    expect(codeOf(() => readDocument(zipSync({ "hello.txt": strToU8("hi") })))).toBe("no-document");
  });

  it("rejects a file over the size limit before reading it", () => {
    expect(codeOf(() => readDocument(valid, { ...DEFAULT_LIMITS, maxFileBytes: 100 }))).toBe(
      "too-large",
    );
  });

  it("stops a part that inflates past the budget (zip bomb)", () => {
    // Well-formed XML, so that only the budget can stop it.
    const xml = strToU8(`<w:document>${`<x a="${"a".repeat(100)}"/>`.repeat(120_000)}`);
    const bomb = zipSync({ "word/document.xml": xml }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(
      codeOf(() => readDocument(bomb, { ...DEFAULT_LIMITS, maxInflatedBytes: 10 * 1024 * 1024 })),
    ).toBe("zip-bomb");
  });

  it("counts the parts of a file together against one budget", () => {
    const styles = strToU8(`<w:styles>${" ".repeat(6 * 1024 * 1024)}</w:styles>`);
    const files = unzipSync(valid);
    files["word/styles.xml"] = styles;
    const limits = { ...DEFAULT_LIMITS, maxTextLength: 8 * 1024 * 1024 };
    // Each part alone is under the budget; together they are not.
    expect(codeOf(() => readDocument(zipSync(files), limits))).toBe("none");
    expect(
      codeOf(() =>
        readDocument(zipSync(files), { ...limits, maxInflatedBytes: 6 * 1024 * 1024 + 200 }),
      ),
    ).toBe("zip-bomb");
  });

  it("refuses a zip with too many entries", () => {
    const files: Record<string, Uint8Array> = { "word/document.xml": strToU8(documentXml("")) };
    for (let i = 0; i < 50; i++) files[`junk/${i}.xml`] = strToU8("<a/>");
    expect(codeOf(() => readDocument(zipSync(files), { ...DEFAULT_LIMITS, maxEntries: 20 }))).toBe(
      "too-many-entries",
    );
  });

  it("refuses DTDs: no entity expansion (billion laughs), no external entities (XXE)", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    expect(codeOf(() => readDocument(docx(laughs)))).toBe("xml-dtd");
    expect(codeOf(() => readDocument(docx(xxe)))).toBe("xml-dtd");
    expect(codeOf(() => readDocument(xxe))).toBe("xml-dtd");
  });

  it("refuses XML nested deeper than the limit", () => {
    const deep = documentXml(
      `${"<w:sdt><w:sdtContent>".repeat(300)}${"</w:sdtContent></w:sdt>".repeat(300)}`,
    );
    expect(codeOf(() => readDocument(docx(deep)))).toBe("xml-too-complex");
  });

  it("rejects malformed XML as xml-invalid", () => {
    expect(codeOf(() => readDocument(docx("<w:document><w:body><w:p></w:body>")))).toBe(
      "xml-invalid",
    );
  });

  it("rejects an entry with an unknown compression method", () => {
    const zip = zipSync({ "word/document.xml": strToU8(documentXml("")) }, { level: 0 });
    // Patch the method in the local header and the central directory (stored = 0 → 99).
    const patched = zip.slice();
    patched[8] = 99;
    const central = findCentral(patched);
    patched[central + 10] = 99;
    expect(codeOf(() => readDocument(patched))).toBe("unsupported-compression");
  });

  it("reads stored (uncompressed) entries and deflated ones alike", () => {
    const xml = strToU8(documentXml(paragraph("正文")));
    expect(readDocument(zipSync({ "word/document.xml": xml }, { level: 0 })).blocks).toHaveLength(
      1,
    );
    expect(deflateSync(xml).length).toBeGreaterThan(0);
  });
});

function findCentral(zip: Uint8Array): number {
  for (let i = zip.length - 4; i >= 0; i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02)
      return i;
  }
  throw new Error("no central directory");
}

describe("size limits inside the XML", () => {
  it("refuses a part with more elements than the limit", () => {
    const many = documentXml(paragraph("x").repeat(2000));
    expect(
      codeOf(() => readDocument(docx(many), { ...DEFAULT_LIMITS, maxXmlElements: 1000 })),
    ).toBe("xml-too-complex");
    expect(codeOf(() => readDocument(docx(many)))).toBe("none");
  });

  it("refuses a cell or paragraph longer than the limit", () => {
    const long = documentXml(paragraph("很长".repeat(3000)));
    expect(codeOf(() => readDocument(docx(long), { ...DEFAULT_LIMITS, maxTextLength: 5000 }))).toBe(
      "xml-too-complex",
    );
    expect(codeOf(() => readDocument(docx(long)))).toBe("none");
  });

  it("refuses a zip entry whose compression ratio is absurd even under the size limit", () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(
      codeOf(() =>
        readDocument(bomb, {
          ...DEFAULT_LIMITS,
          maxInflatedBytes: 1024 * 1024 * 1024,
          ratioCheckAfterBytes: 1024 * 1024,
        }),
      ),
    ).toBe("zip-bomb");
  });
});

describe("damaged parts fail fast", () => {
  it("stops at the first of millions of disallowed characters", () => {
    const junk = new Uint8Array(6 * 1024 * 1024).fill(1);
    const xml = new Uint8Array([...strToU8("<w:document>"), ...junk]);
    expect(codeOf(() => readDocument(zipSync({ "word/document.xml": xml })))).toBe("xml-invalid");
  });

  it("applies the ratio limit to small parts inflated in one go", () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(
      codeOf(() => readDocument(bomb, { ...DEFAULT_LIMITS, ratioCheckAfterBytes: 1024 * 1024 })),
    ).toBe("zip-bomb");
  });
});
