import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { check, readDocument, type Finding } from "../../src/core";
import { annotateDocx } from "../../src/core/annotate/annotate";
import { COMMENT_AUTHOR, COMMENT_INITIALS, commentText } from "../../src/core/marks/comments";
import { templateDocx } from "../../src/core/template";
import { run } from "../../src/cli/main";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";
import {
  AUTHOR_COMMENT,
  EARLIER_FILL,
  selfClosingParagraphs,
  trackedCellFormatting,
  unusualCommentParts,
  withAuthorComments,
} from "../support/docx-variants";
import { SHARED, sharedAvailable } from "../support/shared";
import { expectCommentStyle } from "../support/comment-style";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const documentOf = (bytes: Uint8Array) =>
  strFromU8(unzipSync(bytes)["word/document.xml"] as Uint8Array);

const TOUCHED = new Set([
  "word/document.xml",
  "word/comments.xml",
  "word/_rels/document.xml.rels",
  "[Content_Types].xml",
]);
const key = (findings: Finding[]) =>
  findings.map((f) => `${f.rule} ${JSON.stringify(f.location)} ${f.message}`);

const documents: [string, Uint8Array][] = [
  [
    "built report with faults",
    docx(
      statutoryReport({
        table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
        omitSections: ["五"],
      }),
    ),
  ],
  ["generated template with a fault", faultyTemplate()],
];
if (sharedAvailable()) {
  const dir = join(SHARED, "fixtures/seeds-docx");
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".docx")))
    documents.push([name, new Uint8Array(readFileSync(join(dir, name)))]);
  documents.push([
    "WPS template",
    new Uint8Array(readFileSync(join(SHARED, "fixtures/real/blank-template-2021-wps.docx"))),
  ]);
}

function faultyTemplate(): Uint8Array {
  const files = unzipSync(templateDocx({ format: "2021", year: 2024, zeros: true }));
  // 行政复议 总计 0 → 7: the last data cell of the review group.
  const xml = strFromU8(files["word/document.xml"] as Uint8Array);
  let seen = 0;
  files["word/document.xml"] = strToU8(
    xml.replace(/<w:t xml:space="preserve">0<\/w:t>/g, (m) =>
      ++seen === 10 + 175 + 5 ? '<w:t xml:space="preserve">7</w:t>' : m,
    ),
  );
  return zipSync(files);
}

describe.each(documents)("annotating %s", (_name, bytes) => {
  const findings = check(readDocument(bytes)).findings;
  const annotated = annotateDocx(bytes, findings);

  it("reads back with the same findings", () => {
    expect(key(check(readDocument(annotated)).findings)).toEqual(key(findings));
  });

  it("leaves every other part byte for byte as it was", () => {
    const before = unzipSync(bytes);
    const after = unzipSync(annotated);
    for (const [name, content] of Object.entries(before)) {
      if (!TOUCHED.has(name))
        expect(Buffer.from(after[name] ?? []).equals(Buffer.from(content))).toBe(true);
    }
    const added = Object.keys(after).filter((n) => !(n in before));
    expect(
      added.every((n) => n === "word/comments.xml" || n === "word/_rels/document.xml.rels"),
    ).toBe(true);
    expect("word/comments.xml" in after).toBe(findings.length > 0 || "word/comments.xml" in before);
  });

  it("writes one comment per finding, with unique ids", () => {
    const comments = strFromU8(unzipSync(annotated)["word/comments.xml"] ?? new Uint8Array());
    const ours = [
      ...comments.matchAll(
        new RegExp(`<w:comment w:id="(\\d+)" w:author="${COMMENT_AUTHOR}"`, "g"),
      ),
    ].map((m) => m[1]);
    expect(ours).toHaveLength(findings.length);
    expect(new Set(ours).size).toBe(ours.length);
    const xml = strFromU8(unzipSync(annotated)["word/document.xml"] as Uint8Array);
    for (const id of ours) {
      expect(xml).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentReference w:id="${id}"/>`);
    }
  });

  it("signs each comment 年报校核 / 校核 and writes the finding and what to do, no rule id", () => {
    const comments = strFromU8(unzipSync(annotated)["word/comments.xml"] ?? new Uint8Array());
    const ours = [
      ...comments.matchAll(
        new RegExp(`<w:comment w:id="\\d+" ([^>]*)>((?:(?!</w:comment>).)*)</w:comment>`, "g"),
      ),
    ].filter((m) => m[1]?.includes(`w:author="${COMMENT_AUTHOR}"`));
    expect(ours).toHaveLength(findings.length);
    ours.forEach((match, i) => {
      expect(match[1]).toBe(`w:author="${COMMENT_AUTHOR}" w:initials="${COMMENT_INITIALS}"`);
      const text = [...(match[2] ?? "").matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
        .map((t) => unescapeXml(t[1] ?? ""))
        .join("");
      expectCommentStyle(text);
      const finding = findings[i];
      if (finding) expect(text).toBe(commentText(finding));
    });
  });
});

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("shading", () => {
  it("puts w:shd where the schema wants it: before w:vAlign in the cell properties", () => {
    const bytes = faultyTemplate();
    const xml = strFromU8(
      unzipSync(annotateDocx(bytes, check(readDocument(bytes)).findings))[
        "word/document.xml"
      ] as Uint8Array,
    );
    const shaded = [
      ...xml.matchAll(/<w:tcPr>(?:(?!<\/w:tcPr>).)*w:fill="FFC7CE"(?:(?!<\/w:tcPr>).)*<\/w:tcPr>/g),
    ].map((m) => m[0]);
    expect(shaded).toHaveLength(5);
    for (const properties of shaded) expect(properties).toMatch(/<w:shd [^>]*\/><w:vAlign /);
  });

  it("keeps the author's comments and numbers ours after them", () => {
    const bytes = withAuthorComments(docx(statutoryReport({ omitSections: ["六"] })), {
      target: "comments.xml",
      part: "word/comments.xml",
      commentsXml: `<?xml version="1.0"?><w:comments xmlns:w="${W}">${AUTHOR_COMMENT("w").replace('w:id="0"', 'w:id="4"')}</w:comments>`,
    });
    const comments = strFromU8(
      unzipSync(annotateDocx(bytes, check(readDocument(bytes)).findings))[
        "word/comments.xml"
      ] as Uint8Array,
    );
    expect(comments).toContain('<w:comment w:id="4" w:author="张三"');
    expect(comments).toContain(`<w:comment w:id="5" w:author="${COMMENT_AUTHOR}"`);
  });

  it("shades a cell with a tracked formatting change in its current properties, never in the revision record", () => {
    const bytes = trackedCellFormatting(faultyTemplate());
    const before = strFromU8(unzipSync(bytes)["word/document.xml"] as Uint8Array);
    const xml = documentOf(annotateDocx(bytes, check(readDocument(bytes)).findings));
    const revisions = (text: string) =>
      [...text.matchAll(/<w:tcPrChange\b.*?<\/w:tcPrChange>/g)].map((m) => m[0]);
    expect(revisions(xml)).toEqual(revisions(before));
    const shaded = [
      ...xml.matchAll(/<w:tcPr>(?:(?!<\/w:tcPr>).)*?w:fill="FFC7CE".*?<\/w:tcPrChange><\/w:tcPr>/g),
    ];
    expect(shaded).toHaveLength(5);
    for (const [properties] of shaded)
      expect(properties).toMatch(
        new RegExp(
          `</w:tcBorders><w:shd [^>]*w:fill="FFC7CE"/><w:noWrap/><w:vAlign [^>]*/><w:tcPrChange [^>]*><w:tcPr><w:shd [^>]*w:fill="${EARLIER_FILL}"/></w:tcPr></w:tcPrChange>`,
        ),
      );
  });
});

describe("a document written with another prefix (ns0:)", () => {
  it("is checked, but no copy is made and the reason says so, rather than a copy without marks", () => {
    const bytes = new Uint8Array(
      readFileSync(join(__dirname, "../fixtures/reader-habits/ns0-prefix.docx")),
    );
    const findings = check(readDocument(bytes)).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(() => annotateDocx(bytes, findings)).toThrow(
      expect.objectContaining({ code: "unusual-markup" }) as Error,
    );
  });
});

describe("self-closing paragraphs", () => {
  it("opens up <w:p/> before a comment goes in, in empty cells and in the body", () => {
    const bytes = selfClosingParagraphs(
      docx(statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, "", 0, 0, 0, 11] } })),
    );
    const findings = check(readDocument(bytes)).findings;
    expect(findings.map((f) => f.rule)).toContain("cell-blank");
    const xml = documentOf(annotateDocx(bytes, findings));
    expect(xml).toMatch(
      /<w:tc><w:tcPr><w:shd [^>]*\/><\/w:tcPr><w:p><w:commentRangeStart w:id="(\d+)"\/><w:commentRangeEnd w:id="\1"\/><w:r><w:commentReference w:id="\1"\/><\/w:r><\/w:p><\/w:tc>/,
    );
    // No run, range or reference outside a paragraph.
    expect(xml).not.toMatch(/<w:p\/><w:(?:r|commentRange)/);
    expect(xml).not.toMatch(/<\/w:tcPr><w:(?:r|commentRange)/);
    expect(key(check(readDocument(annotateDocx(bytes, findings))).findings)).toEqual(key(findings));
  });

  it("opens a self-closing first paragraph for a finding about the whole document", () => {
    const bytes = selfClosingParagraphs(docx(statutoryReport()));
    const finding: Finding = {
      rule: "format-outdated",
      severity: "warning",
      message: "整篇文档的提示",
      location: {},
      anchors: [],
      report: 0,
      section: null,
    };
    const xml = documentOf(annotateDocx(bytes, [finding, { ...finding, message: "第二条" }]));
    expect(xml).toMatch(
      /<w:body><w:p><w:commentRangeStart w:id="1"\/><w:commentRangeEnd w:id="1"\/><w:r><w:commentReference w:id="1"\/><\/w:r><w:commentRangeStart w:id="2"\/><w:commentRangeEnd w:id="2"\/><w:r><w:commentReference w:id="2"\/><\/w:r><\/w:p><w:p>/,
    );
  });
});

describe("the comments part", () => {
  const base = docx(statutoryReport({ omitSections: ["五"] }));
  const variants = Object.fromEntries(unusualCommentParts(base));
  const annotated = (name: string) => {
    const bytes = variants[name] as Uint8Array;
    return {
      before: unzipSync(bytes),
      after: unzipSync(annotateDocx(bytes, check(readDocument(bytes)).findings)),
    };
  };
  const ours = (xml: string) =>
    [...xml.matchAll(new RegExp(`w:author="${COMMENT_AUTHOR}"`, "g"))].length;

  it("fills a self-closing comments part", () => {
    const { after } = annotated("a self-closing comments part");
    const comments = strFromU8(after["word/comments.xml"] as Uint8Array);
    expect(comments).toMatch(/^<\?xml[^>]*\?><w:comments xmlns:w="[^"]+"><w:comment w:id="1" /);
    expect(comments.endsWith("</w:comment></w:comments>")).toBe(true);
    expect(ours(comments)).toBe(1);
  });

  it("adds to a part with another prefix, declaring the one it uses", () => {
    const { after } = annotated("a comments part with another prefix");
    const comments = strFromU8(after["word/comments.xml"] as Uint8Array);
    expect(comments).toContain(`<c:comment c:id="0" c:author="张三"`);
    expect(comments).toMatch(
      new RegExp(`<w:comment xmlns:w="${W}" w:id="1" w:author="${COMMENT_AUTHOR}"`),
    );
    expect(comments.endsWith("</w:comment></c:comments>")).toBe(true);
  });

  it.each([
    ["a comments part named comments1.xml", "word/comments1.xml"],
    ["a comments part in another folder", "notes/remarks.xml"],
  ])("finds %s through the document's relationship", (name, part) => {
    const { before, after } = annotated(name);
    expect(ours(strFromU8(after[part] as Uint8Array))).toBe(1);
    expect(strFromU8(after[part] as Uint8Array)).toContain('w:author="张三"');
    expect(after["word/comments.xml"]).toBeUndefined();
    for (const unchanged of ["word/_rels/document.xml.rels", "[Content_Types].xml"])
      expect(strFromU8(after[unchanged] as Uint8Array)).toBe(
        strFromU8(before[unchanged] as Uint8Array),
      );
  });

  it("leaves a comments part the document does not relate to alone and writes its own beside it", () => {
    const { before, after } = annotated("an unrelated word/comments.xml");
    expect(after["word/comments.xml"]).toEqual(before["word/comments.xml"]);
    expect(ours(strFromU8(after["word/comments2.xml"] as Uint8Array))).toBe(1);
    expect(strFromU8(after["word/_rels/document.xml.rels"] as Uint8Array)).toContain(
      'Target="comments2.xml"',
    );
    expect(strFromU8(after["[Content_Types].xml"] as Uint8Array)).toContain(
      'PartName="/word/comments2.xml"',
    );
  });

  it("writes a manual line break in a message as <w:br/> and drops what XML forbids", () => {
    const bytes = docx(statutoryReport());
    const finding: Finding = {
      rule: "section-missing",
      severity: "error",
      message: "某某\u000B镇\u0001人民政府\uFFFF\uD800 & <表>",
      location: { section: "五" },
      anchors: [],
      report: 0,
      section: "五",
    };
    const comments = strFromU8(
      unzipSync(annotateDocx(bytes, [finding]))["word/comments.xml"] as Uint8Array,
    );
    expect(comments).toContain(
      '<w:r><w:t xml:space="preserve">某某</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">镇人民政府 &amp; &lt;表&gt;。请按法定格式补写这一部分。</w:t></w:r>',
    );
  });
});

describe("nianbao check --annotate", () => {
  it("writes copies and never touches the originals, even when asked to write beside them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-annotate-cli-"));
    const original = join(dir, "report.docx");
    writeFileSync(original, docx(statutoryReport({ omitSections: ["五"] })));
    const hash = () => createHash("sha256").update(readFileSync(original)).digest("hex");
    const before = hash();
    const io = {
      stdout: () => undefined,
      stderr: () => undefined,
      isTty: false,
      progressStream: null,
    };
    expect(await run(["check", "--annotate", dir, original], io)).toBe(1);
    expect(await run(["check", "--annotate", join(dir, "out"), original], io)).toBe(1);
    expect(hash()).toBe(before);
    for (const copy of [join(dir, "report.校核.docx"), join(dir, "out", "report.校核.docx")]) {
      expect(
        check(readDocument(new Uint8Array(readFileSync(copy)))).findings.map((f) => f.rule),
      ).toEqual(["section-missing"]);
    }
  });
});
