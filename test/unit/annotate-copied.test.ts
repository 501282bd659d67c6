/**
 * Annotated copies shade the paragraphs a text-copied note names (paragraph shading, w:pPr/w:shd,
 * in schema order whatever properties the paragraph already has) and add no OOXML violation.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { annotateDocx } from "../../src/core/annotate/annotate";
import type { Finding } from "../../src/core";
import { docx, documentXml, paragraph } from "../support/docx-builder";
import { addedViolations, validate, validatorUnavailable } from "../support/ooxml-validator";
import { skipNotice } from "../support/notes";

const W_PPR_VARIANTS = [
  paragraph("没有段落属性的一段正文，照抄上年。"),
  paragraph("居中的一段正文，照抄上年。", { align: "center" }),
  `<w:p><w:pPr/><w:r><w:t>空的段落属性，照抄上年。</w:t></w:r></w:p>`,
  `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/><w:spacing w:after="0"/><w:rPr><w:shd w:val="clear" w:fill="00FF00"/></w:rPr></w:pPr><w:r><w:t>已有底纹，照抄上年。</w:t></w:r></w:p>`,
  `<w:p><w:pPr><w:jc w:val="left"/><w:pPrChange w:id="90" w:author="x" w:date="2024-01-01T00:00:00Z"><w:pPr><w:jc w:val="right"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>有修订记录，照抄上年。</w:t></w:r></w:p>`,
  paragraph("这一段是新写的。"),
];
const input = docx(documentXml(W_PPR_VARIANTS.join("")));

const copied: Finding = {
  rule: "text-copied",
  severity: "info",
  message: "正文与上年报告的文字重复率为 83%（超过 50%）。请按本年度工作情况重写",
  location: {},
  report: 0,
  section: null,
  anchors: [0, 1, 2, 3, 4].map((paragraphIndex) => ({ kind: "paragraph", paragraphIndex })),
};

function paragraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"] as Uint8Array);
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

describe("annotated copies and copied passages", () => {
  const output = annotateDocx(input, [copied]);
  const shaded = paragraphs(output);

  it("shades each named paragraph once, in its own properties, and leaves the others", () => {
    for (const p of shaded.slice(0, 5))
      expect(
        p.match(
          /^<w:p><w:pPr>(?:(?!<\/w:pPr>).)*?<w:shd w:val="clear" w:color="auto" w:fill="DDEBF7"\/>/,
        ),
      ).not.toBeNull();
    expect(shaded[5]).not.toContain("DDEBF7");
    // The run properties' own shading and the revision record stay as they were.
    expect(shaded[3]).toContain('<w:rPr><w:shd w:val="clear" w:fill="00FF00"/></w:rPr>');
    expect(shaded[3]).not.toContain("FFFFFF");
    expect(shaded[4]).toContain(
      '<w:pPrChange w:id="90" w:author="x" w:date="2024-01-01T00:00:00Z"><w:pPr><w:jc w:val="right"/></w:pPr></w:pPrChange>',
    );
    // Schema order: pStyle before shd before spacing and jc.
    expect(shaded[1]).toMatch(/<w:pPr><w:shd [^>]*\/><w:jc w:val="center"\/><\/w:pPr>/);
    expect(shaded[3]).toMatch(/<w:pStyle w:val="Normal"\/><w:shd [^>]*\/><w:spacing/);
    // The comment sits on the first paragraph, after its properties.
    expect(shaded[0]).toMatch(/<\/w:pPr><w:commentRangeStart/);
  });

  const unavailable = validatorUnavailable();
  if (unavailable) skipNotice(`the validation of shaded copies: ${unavailable}`);
  (unavailable ? it.skip : it)("adds no OOXML violation", () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-copied-"));
    const before = join(dir, "in.docx");
    const after = join(dir, "out.docx");
    writeFileSync(before, input);
    writeFileSync(after, output);
    const found = validate([before, after]);
    expect(addedViolations(found.get(before) ?? [], found.get(after) ?? [])).toEqual([]);
  });
});
