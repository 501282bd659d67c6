/**
 * The command line does not honour the ignores (忽略此处, 本文档忽略此规则) stored in a document:
 * a supervising office checking the files it received sees every finding, whatever the author
 * chose to hide in Word or WPS (the decision is documented in src/core/ignores/ignores.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import {
  applyIgnores,
  check,
  ignoreHere,
  ignoreRule,
  ignoresFromXml,
  ignoresToXml,
  readDocument,
  type JsonReport,
} from "../../src/core";
import { capture } from "../support/cli";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";

const CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";

/** The package with one more custom XML part, related from the document as Word stores them. */
function withCustomXml(bytes: Uint8Array, xml: string): Uint8Array {
  const files = unzipSync(bytes);
  files["customXml/item1.xml"] = strToU8(xml);
  files["word/_rels/document.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML}" Target="../customXml/item1.xml"/></Relationships>`,
  );
  return zipSync(files);
}

describe("the command line and ignores stored in a document", () => {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-ignores-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports every finding, the ones the document ignores included", async () => {
    const plain = docx(
      statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }),
    );
    const result = check(readDocument(plain));
    const [first, ...others] = result.findings;
    if (!first) throw new Error("the report has no finding to ignore");
    const ignores = [
      ignoreHere(first, result.reports),
      ...[...new Set(others.map((f) => f.rule))].map(ignoreRule),
    ];
    const part = ignoresToXml(ignores);
    // The ignores are real: read back from the part, a host would hide every finding.
    expect(ignoresFromXml(part)).toEqual(ignores);
    expect(applyIgnores(result.findings, ignores, result.reports).active).toEqual([]);

    const plainPath = join(dir, "无忽略.docx");
    const ignoredPath = join(dir, "有忽略.docx");
    writeFileSync(plainPath, plain);
    writeFileSync(ignoredPath, withCustomXml(plain, part));
    const run = async (path: string) => {
      const { code, stdout } = await capture(["check", "--format", "json", path]);
      const report = JSON.parse(stdout) as JsonReport;
      return { code, findings: report.files[0]?.findings ?? [] };
    };
    const withIgnores = await run(ignoredPath);
    expect(withIgnores.findings).toHaveLength(result.findings.length);
    expect(withIgnores.findings.map((f) => f.message)).toEqual(
      result.findings.map((f) => f.message),
    );
    expect(withIgnores).toEqual(await run(plainPath));
    expect(withIgnores.code).toBe(1);
  });
});
