/**
 * Issue 14: every hostile file of the memory benchmark (scripts/bench-memory.ts), generated
 * small, is refused with a Chinese message by the reader and by the annotator alike, or read
 * with the hostile part left alone; an --annotate batch of odd files is a per-file error each.
 * Memory itself is measured by `npm run bench:memory`, never asserted here.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync, strToU8, unzipSync } from "fflate";
import {
  DEFAULT_LIMITS,
  DocumentReadError,
  jsonReportSchema,
  readDocument,
  type ReadLimits,
} from "../../src/core";
import { annotateDocx } from "../../src/core/annotate/annotate";
import { capture } from "../support/cli";
import { attacks, rawZip } from "../support/attacks";
import { docx, flatOpc, statutoryReport } from "../support/docx-builder";

const MiB = 1024 * 1024;

/** The error a call throws: a DocumentReadError with a Chinese message, or null. */
function refusal(action: () => unknown): DocumentReadError | null {
  try {
    action();
    return null;
  } catch (error) {
    if (!(error instanceof DocumentReadError)) throw error;
    expect(error.userMessage).toMatch(/[\u4e00-\u9fff]{4}/);
    return error;
  }
}

/** Small limits and small attacks: the same shapes, a tenth of the time. */
const SMALL: ReadLimits = {
  ...DEFAULT_LIMITS,
  maxInflatedBytes: 8 * MiB,
  maxBlocks: 20_000,
  maxDocumentChars: 1_000_000,
  maxTextLength: 100_000,
};
const small = attacks(12 * MiB).filter((a) => a.name !== "largest-accepted");

describe.each(small.map((a) => [a.name, a] as const))("attack %s", (_, attack) => {
  it(attack.refused ? "is refused by the reader" : "is read, the hostile part left alone", () => {
    const error = refusal(() => readDocument(attack.bytes, SMALL));
    expect(error === null).toBe(!attack.refused);
  });

  it("is refused by the annotator, or annotated without inflating what it does not need", () => {
    let copy: Uint8Array | null = null;
    const error = refusal(() => (copy = annotateDocx(attack.bytes, [], SMALL)));
    if (attack.name.startsWith("styles-") || !attack.refused) {
      // The styles part and the images are copied through compressed, never inflated.
      expect(error).toBeNull();
      expect((copy as Uint8Array | null)?.length).toBeLessThan(attack.bytes.length + 64 * 1024);
    } else expect(error).not.toBeNull();
  });
});

const full = attacks(72 * MiB);
const byName = (name: string) => full.find((a) => a.name === name)?.bytes as Uint8Array;

describe("the budget with the default limits", () => {
  it("stops a zip bomb and an incompressible tail at the budget, in reading and annotating", () => {
    for (const name of ["zip-bomb-xml", "incompressible-tail"]) {
      expect(refusal(() => readDocument(byName(name)))?.code).toBe("zip-bomb");
      expect(refusal(() => annotateDocx(byName(name), []))?.code).toBe("zip-bomb");
    }
  }, 60_000);

  it("reads the largest document the limits accept, and annotates it", () => {
    const bytes = byName("largest-accepted");
    expect(readDocument(bytes).blocks.length).toBe(195_000);
    const copy = annotateDocx(bytes, []);
    expect(readDocument(copy).blocks.length).toBe(195_000);
  }, 60_000);

  it("refuses entries that share their data, whichever part they are", () => {
    expect(refusal(() => readDocument(byName("shared-data-entries")))?.code).toBe("zip-bomb");
    expect(refusal(() => annotateDocx(byName("shared-data-main-part"), []))?.code).toBe("zip-bomb");
  });
});

describe("an --annotate batch of odd files", () => {
  const good = docx(statutoryReport());
  // A side part in a compression we cannot inflate, or encrypted: copied through as it is.
  const withSidePart = (method: number, flags: number) =>
    rawZip([
      ...Object.entries(unzipSync(good)).map(([name, content]) => ({
        name,
        compressed: deflateSync(content),
        size: content.length,
      })),
      {
        name: "word/media/odd.bin",
        compressed: strToU8("BZh91AY&SY not inflated"),
        size: 99,
        method,
        flags,
      },
    ]);

  it("gives each its per-file error and goes on to the good file", async () => {
    const root = mkdtempSync(join(tmpdir(), "nianbao-hostile-batch-"));
    const dir = join(root, "in");
    const out = join(root, "out");
    mkdirSync(dir);
    writeFileSync(join(dir, "a-flat.xml"), flatOpc(statutoryReport()));
    writeFileSync(join(dir, "b-flat-renamed.docx"), flatOpc(statutoryReport()));
    writeFileSync(join(dir, "c-bzip2-side-part.docx"), withSidePart(12, 0));
    writeFileSync(join(dir, "d-encrypted-side-part.docx"), withSidePart(8, 1));
    writeFileSync(join(dir, "e-bomb.docx"), byName("zip-bomb-xml"));
    writeFileSync(join(dir, "z-good.docx"), good);
    const files = [
      "a-flat.xml",
      "b-flat-renamed.docx",
      "c-bzip2-side-part.docx",
      "d-encrypted-side-part.docx",
      "e-bomb.docx",
      "z-good.docx",
    ].map((name) => join(dir, name));
    const { code, stdout } = await capture(["check", "-f", "json", "-a", out, ...files]);
    // A bomb unreadable and two copies not made, no errors found: 3.
    expect(code).toBe(3);
    const report = jsonReportSchema.parse(JSON.parse(stdout)).files;
    expect(report.map((f) => [f.status, f.annotateError?.code ?? null])).toEqual([
      ["checked", "annotate-failed"],
      ["checked", "annotate-failed"],
      ["checked", null],
      ["checked", null],
      ["unreadable", null],
      ["checked", null],
    ]);
    expect(report[0]?.annotateError?.message).toContain("只能为 .docx");
    expect(report[4]?.error?.message).toContain("数据量异常");
    expect(readdirSync(out).sort()).toEqual([
      "c-bzip2-side-part.校核.docx",
      "d-encrypted-side-part.校核.docx",
      "z-good.校核.docx",
    ]);
  }, 60_000);
});

describe("single-byte corruptions the reader accepts", () => {
  it("are annotated into a package the reader reads back, or refused with a read error", () => {
    const good = docx(statutoryReport({ omitSections: ["五"] }));
    let accepted = 0;
    for (let i = 0; i < good.length; i += Math.max(1, Math.floor(good.length / 400))) {
      for (const value of [0x00, 0xff, (good[i] as number) ^ 0x20]) {
        const bytes = good.slice();
        bytes[i] = value;
        if (refusal(() => readDocument(bytes)) !== null) continue;
        accepted++;
        let copy: Uint8Array | null = null;
        if (refusal(() => (copy = annotateDocx(bytes, []))) === null)
          expect(refusal(() => readDocument(copy as unknown as Uint8Array))).toBeNull();
      }
    }
    expect(accepted).toBeGreaterThan(100);
  }, 60_000);
});
