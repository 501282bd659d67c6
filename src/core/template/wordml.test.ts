import { check } from "../check/check";
import { ignoresFromXml, ignoresToXml } from "../ignores/ignores";
import { ledgerFromXml, ledgerToXml } from "../marks/ledger";
import { readPartXml } from "../ooxml/part-xml";
import { readDocument } from "../ooxml/read-document";
import { templateDocx, templateFlatOpc } from "./package";
import { escapeXml, withoutForbiddenXmlChars } from "../ooxml/escape";
import { textRuns } from "./wordml";

/** Every character XML 1.0 forbids, and the allowed ones around them. */
const FORBIDDEN = [
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).filter(
    (c) => !"\t\n\r".includes(c),
  ),
  "\uFFFE",
  "\uFFFF",
  // Low before high, so that joined they do not make a pair.
  "\uDFFF",
  "\uD800",
];
const AWKWARD = `甲${FORBIDDEN.join("")}乙\t丙\n丁\r戊 😀 &<>"'`;

const wellFormed = (xml: string) => readPartXml(xml, "test", () => undefined);

describe("escapeXml", () => {
  it("drops each character XML 1.0 forbids and keeps surrogate pairs", () => {
    for (const c of FORBIDDEN) expect(withoutForbiddenXmlChars(`a${c}b`)).toBe("ab");
    expect(withoutForbiddenXmlChars("😀\t\n\r")).toBe("😀\t\n\r");
  });

  it("gives attribute values that parse and read back without the forbidden characters", () => {
    let read = "";
    expect(
      readPartXml(`<x v="${escapeXml(AWKWARD)}">${escapeXml(AWKWARD)}</x>`, "test", (_, a) => {
        read = a.v ?? "";
      }),
    ).toBe(true);
    expect(read).toBe(`甲乙\t丙\n丁\r戊 😀 &<>"'`);
  });
});

describe("textRuns", () => {
  it("writes a manual line break (U+000B) and a line feed as <w:br/>, a tab as <w:tab/>", () => {
    expect(textRuns("一\u000B二\n三\t四\u0001")).toBe(
      '<w:r><w:t xml:space="preserve">一</w:t></w:r><w:r><w:br/></w:r>' +
        '<w:r><w:t xml:space="preserve">二</w:t></w:r><w:r><w:br/></w:r>' +
        '<w:r><w:t xml:space="preserve">三</w:t></w:r><w:r><w:tab/></w:r>' +
        '<w:r><w:t xml:space="preserve">四</w:t></w:r>',
    );
  });
});

describe("parts we write from text the user or Word gave us", () => {
  it("a template for a unit name with a manual line break reads back, the break kept", () => {
    const unit = "某某镇\u000B人民政府\u0013";
    for (const input of [
      templateDocx({ format: "2021", year: 2024, unit }),
      templateFlatOpc({ format: "2021", year: 2024, unit }),
    ]) {
      const result = check(readDocument(input));
      expect(result.year).toBe(2024);
      expect(result.unit?.replace(/\s/g, "")).toBe("某某镇人民政府");
    }
    expect(templateFlatOpc({ format: "2021", year: 2024, unit })).toContain(
      "某某镇</w:t></w:r><w:r><w:rPr>",
    );
  });

  it("the marks ledger and the ignores stay well-formed", () => {
    const ledger = ledgerToXml({
      cells: [
        {
          tableIndex: 0,
          rowIndex: 1,
          cellIndex: 2,
          original: null,
          applied: "#FFC7CE",
          text: AWKWARD,
        },
      ],
      comments: [AWKWARD],
    });
    expect(wellFormed(ledger)).toBe(true);
    expect(ledgerFromXml(ledger)?.cells[0]?.text).toBe(`甲乙\t丙\n丁\r戊 😀 &<>"'`);
    const ignores = ignoresToXml([
      {
        scope: "here",
        rule: "cell-blank",
        location: AWKWARD,
        fingerprint: "0123abcd",
        message: AWKWARD,
      },
    ]);
    expect(wellFormed(ignores)).toBe(true);
    expect(ignoresFromXml(ignores)).toHaveLength(1);
  });
});
