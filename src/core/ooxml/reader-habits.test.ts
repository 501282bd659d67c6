/**
 * How real files hide or disguise text and tables: other namespace prefixes, hidden runs,
 * content-control placeholders, markup-compatibility alternate content and text boxes.
 */
import { readDocument, readWithHiddenText } from "./read-document";
import { parseXml, type Attributes, type NamespaceScope } from "./xml";
import { DEFAULT_LIMITS } from "./limits";
import { docx, documentXml, flatOpc, paragraph, table } from "../../../test/support/docx-builder";
import type { DocumentSnapshot, SnapshotParagraph, SnapshotTable } from "../model/snapshot";
import { parseSnapshot } from "../model/snapshot";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const DECLARATIONS =
  `xmlns:mc="${MC}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:x9="urn:example:unknown"';

/** A document with the usual declarations on its root, as Word writes it. */
const wordDocument = (body: string) =>
  documentXml(body).replace("<w:document ", `<w:document ${DECLARATIONS} `);
const read = (body: string): DocumentSnapshot => readDocument(docx(wordDocument(body)));
const paragraphsOf = (s: DocumentSnapshot) =>
  s.blocks.filter((b): b is SnapshotParagraph => b.kind === "paragraph");
const tablesOf = (s: DocumentSnapshot) =>
  s.blocks.filter((b): b is SnapshotTable => b.kind === "table");
const texts = (t: SnapshotTable | undefined) => t?.rows.map((r) => r.cells.map((c) => c.text));

/** Rewrites every w: prefix to another one, declared on the root. */
function withPrefix(xml: string, prefix: string): string {
  const renamed = xml
    .replace(/<(\/?)w:/g, prefix ? `<$1${prefix}:` : "<$1")
    .replace(/ w:([A-Za-z]+=)/g, ` ${prefix || "w"}:$1`);
  return prefix
    ? renamed.replace(`xmlns:w="${W}"`, `xmlns:${prefix}="${W}"`)
    : // Default namespace for elements; attributes still need a prefix to be in it.
      renamed;
}

const REPORT_BODY =
  paragraph("某某镇人民政府2023年政府信息公开工作年度报告", { align: "center" }) +
  paragraph("一、总体情况", { style: "Heading1" }) +
  table([
    ["项目", "数量"],
    [
      "本年新收",
      { xml: '<w:p><w:r><w:t xml:space="preserve">1</w:t></w:r><w:r><w:t>2</w:t></w:r></w:p>' },
    ],
  ]) +
  "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>正文</w:t></w:r></w:p>";

describe("names read by namespace, not prefix", () => {
  const reference = readDocument(docx(documentXml(REPORT_BODY)));

  it("reads a document bound to ns0: exactly like the w: one", () => {
    const xml = withPrefix(documentXml(REPORT_BODY), "ns0");
    expect(xml).toContain("<ns0:tbl>");
    expect(readDocument(docx(xml))).toEqual(reference);
  });

  it("reads a document in the default namespace exactly like the w: one", () => {
    const xml = withPrefix(documentXml(REPORT_BODY), "").replace(
      "<document ",
      `<document xmlns="${W}" `,
    );
    expect(xml).toContain("<tbl>");
    expect(readDocument(docx(xml))).toEqual(reference);
  });

  it("reads the Strict-conformance namespace and a flat-OPC package with another prefix", () => {
    const strict = documentXml(REPORT_BODY).replace(
      W,
      "http://purl.oclc.org/ooxml/wordprocessingml/main",
    );
    expect(readDocument(docx(strict))).toEqual(reference);
    const flat = flatOpc(withPrefix(documentXml(REPORT_BODY), "ns1"))
      .replace(/pkg:/g, "p:")
      .replace("xmlns:p", "xmlns:p");
    expect(flat).toContain("<p:part");
    expect(readDocument(flat)).toEqual(reference);
  });

  it("does not take another namespace bound to w: for WordprocessingML", () => {
    const xml = documentXml(
      `<x:p xmlns:x="${W}"><x:r><x:t>真</x:t></x:r></x:p>` +
        '<w:p xmlns:w="urn:example:other"><w:r><w:t>假</w:t></w:r></w:p>',
    );
    expect(paragraphsOf(readDocument(docx(xml))).map((p) => p.text)).toEqual(["真"]);
  });

  it("renames within the scope of a declaration only, and leaves unknown and undeclared names alone", () => {
    const seen: string[] = [];
    let mcUri: string | undefined;
    parseXml(
      `<root xmlns="urn:example:manifest"><a:x xmlns:a="${W}" a:val="1" plain="2"/><b:y/><w:z w:val="3"/><c xmlns:mc="${MC}"/></root>`,
      {
        open(name: string, attributes: Attributes, scope: NamespaceScope) {
          seen.push(`${name} ${Object.keys(attributes).join(",")}`);
          if (name === "c") mcUri = scope.uriOf("mc");
        },
        close() {},
        text() {},
      },
      DEFAULT_LIMITS,
      "test",
    );
    expect(seen).toEqual([
      "root xmlns",
      "w:x xmlns:a,plain,w:val",
      "b:y ",
      "w:z w:val",
      "c xmlns:mc",
    ]);
    expect(mcUri).toBe(MC);
  });
});

describe("hidden text", () => {
  const cell = (runs: string) => table([[{ xml: `<w:p>${runs}</w:p>` }]]);
  const r = (text: string, props = "") =>
    `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t>${text}</w:t></w:r>`;

  it("leaves a hidden digit out of a cell: 6, hidden 2, 3 reads as 63", () => {
    const s = read(cell(r("6") + r("2", "<w:vanish/>") + r("3")));
    expect(texts(tablesOf(s)[0])).toEqual([["63"]]);
  });

  it("treats w:specVanish as hidden and w:vanish w:val=0/false/off as shown", () => {
    const s = read(
      cell(
        r("1", '<w:vanish w:val="0"/>') +
          r("2", '<w:vanish w:val="false"/>') +
          r("3", '<w:vanish w:val="off"/>') +
          r("4", "<w:specVanish/>") +
          r("5", '<w:b/><w:vanish w:val="true"/>'),
      ),
    );
    expect(texts(tablesOf(s)[0])).toEqual([["123"]]);
  });

  it("leaves hidden breaks and tabs out and keeps body paragraphs numbered", () => {
    const body =
      paragraph("一") +
      `<w:p>${r("甲")}<w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:t>隐</w:t><w:br/></w:r>${r("乙")}</w:p>` +
      paragraph("三");
    expect(paragraphsOf(read(body)).map((p) => [p.paragraphIndex, p.text])).toEqual([
      [0, "一"],
      [1, "甲乙"],
      [2, "三"],
    ]);
  });

  it("does not hide a paragraph's runs when only its paragraph mark is hidden", () => {
    const body = `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${r("可见")}</w:p>`;
    expect(paragraphsOf(read(body)).map((p) => p.text)).toEqual(["可见"]);
  });

  it("does not take a tracked former hidden property for the run's own", () => {
    const body = `<w:p>${r("可见", '<w:rPrChange w:id="1" w:author="a"><w:rPr><w:vanish/></w:rPr></w:rPrChange>')}</w:p>`;
    expect(paragraphsOf(read(body)).map((p) => p.text)).toEqual(["可见"]);
  });
});

describe("text hidden through styles", () => {
  const r = (text: string, props = "") =>
    `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t>${text}</w:t></w:r>`;
  const styled = (text: string, styleId: string, props = "") =>
    r(text, `<w:rStyle w:val="${styleId}"/>${props}`);
  const p = (runs: string, styleId?: string) =>
    `<w:p>${styleId ? `<w:pPr><w:pStyle w:val="${styleId}"/></w:pPr>` : ""}${runs}</w:p>`;
  const style = (type: string, id: string, rPr: string, extra = "") =>
    `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${id}"/>${extra}` +
    `${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}</w:style>`;
  const styles = (inner: string) => `<w:styles xmlns:w="${W}">${inner}</w:styles>`;
  const HIDDEN_STYLES = styles(
    style("character", "HiddenChar", "<w:vanish/>") +
      style("character", "DerivedChar", "<w:b/>", '<w:basedOn w:val="HiddenChar"/>') +
      style("character", "ShownChar", '<w:vanish w:val="0"/>', '<w:basedOn w:val="HiddenChar"/>') +
      style("paragraph", "HiddenPara", "<w:specVanish/>") +
      style("paragraph", "DerivedPara", "", '<w:basedOn w:val="HiddenPara"/>') +
      style("paragraph", "Normal", "<w:b/>"),
  );

  /**
   * Reads a body from a .docx (styles.xml read first) and from a flat-OPC package with its
   * styles after the document, as Word's getOoxml writes it: both must agree.
   */
  function readBoth(body: string, stylesXml = HIDDEN_STYLES): DocumentSnapshot {
    const fromDocx = readDocument(docx(wordDocument(body), stylesXml));
    const fromFlat = readDocument(flatOpc(wordDocument(body), stylesXml));
    expect(fromFlat).toEqual(fromDocx);
    return fromDocx;
  }
  const paragraphTexts = (s: DocumentSnapshot) => paragraphsOf(s).map((b) => b.text);

  it("reads a cell showing 63 with a style-hidden 2 as 63", () => {
    const s = readBoth(table([[{ xml: p(r("6") + styled("2", "HiddenChar") + r("3")) }]]));
    expect(texts(tablesOf(s)[0])).toEqual([["63"]]);
  });

  it("leaves out runs of a hidden character style and of styles based on it", () => {
    const s = readBoth(
      p(r("甲") + styled("隐", "HiddenChar") + styled("藏", "DerivedChar") + r("乙")),
    );
    expect(paragraphTexts(s)).toEqual(["甲乙"]);
  });

  it("leaves out the runs of a hidden paragraph style and of styles based on it", () => {
    const s = readBoth(
      p(r("隐"), "HiddenPara") + p(r("藏"), "DerivedPara") + p(r("可见"), "Normal"),
    );
    expect(paragraphTexts(s)).toEqual(["", "", "可见"]);
    expect(paragraphsOf(s).map((b) => b.paragraphIndex)).toEqual([0, 1, 2]);
  });

  it("lets the nearest explicit w:vanish win: direct, then character style, then base style", () => {
    const s = readBoth(
      p(
        r("1", '<w:vanish w:val="0"/>') +
          styled("2", "ShownChar") +
          styled("3", "HiddenChar", '<w:vanish w:val="false"/>') +
          r("x") +
          styled("y", "ShownChar", "<w:vanish/>"),
        "HiddenPara",
      ) + p(styled("4", "ShownChar") + styled("z", "HiddenChar"), "Normal"),
    );
    expect(paragraphTexts(s)).toEqual(["123", "4"]);
  });

  it("hides text through the document defaults and the default paragraph style", () => {
    const defaults = styles(
      "<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>" +
        style("paragraph", "Shown", '<w:vanish w:val="0"/>'),
    );
    expect(paragraphTexts(readBoth(p(r("隐")) + p(r("可见"), "Shown"), defaults))).toEqual([
      "",
      "可见",
    ]);
    const byDefault = styles(
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:vanish/></w:rPr></w:style>' +
        style("paragraph", "Body", "<w:b/>"),
    );
    expect(paragraphTexts(readBoth(p(r("隐")) + p(r("可见"), "Body"), byDefault))).toEqual([
      "",
      "可见",
    ]);
  });

  it("hides nothing through a paragraph mark's properties or without styles", () => {
    const markOnly = styles(
      '<w:style w:type="paragraph" w:styleId="Mark"><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr></w:style>',
    );
    expect(paragraphTexts(readBoth(p(r("可见"), "Mark"), markOnly))).toEqual(["可见"]);
    const bare = readDocument(wordDocument(p(styled("可见", "HiddenChar"), "HiddenPara")));
    expect(paragraphTexts(bare)).toEqual(["可见"]);
  });

  it("keeps style-hidden text where hidden text is asked for", () => {
    const xml = flatOpc(
      wordDocument(table([[{ xml: p(r("6") + styled("2", "HiddenChar") + r("3")) }]])),
      HIDDEN_STYLES,
    );
    expect(texts(tablesOf(readWithHiddenText(xml))[0])).toEqual([["623"]]);
  });

  it("resolves hidden text in every paragraph of a cell and in nested tables", () => {
    const nested = table([[{ xml: p(r("5") + styled("9", "HiddenChar")) }]]);
    const s = readBoth(
      table([[{ xml: p(r("一")) + p(r("隐"), "HiddenPara") + p(r("二")) + nested + p("") }]]),
    );
    const cell = tablesOf(s)[0]?.rows[0]?.cells[0];
    expect(cell?.text).toBe("一\n\n二\n");
    expect(texts(cell?.nestedTables[0])).toEqual([["5"]]);
  });
});

describe("content-control placeholder text", () => {
  const control = (props: string, content: string) =>
    `<w:sdt><w:sdtPr>${props}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
  const placeholderRun =
    '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r>';

  it("reads a cell holding only placeholder text as blank", () => {
    const cellXml = `<w:p>${control('<w:placeholder><w:docPart w:val="D"/></w:placeholder><w:showingPlcHdr/>', placeholderRun)}</w:p>`;
    const s = read(table([[{ xml: cellXml }, "5"]]));
    expect(texts(tablesOf(s)[0])).toEqual([["", "5"]]);
  });

  it("keeps a block control's paragraphs, numbered, without their placeholder text", () => {
    const body = control("<w:showingPlcHdr/>", `<w:p>${placeholderRun}</w:p>`) + paragraph("之后");
    expect(paragraphsOf(read(body)).map((p) => [p.paragraphIndex, p.text])).toEqual([
      [0, ""],
      [1, "之后"],
    ]);
  });

  it("reads a control whose placeholder is not showing, and one whose flag is off", () => {
    const body =
      control('<w:placeholder><w:docPart w:val="D"/></w:placeholder>', paragraph("填好的")) +
      control('<w:showingPlcHdr w:val="0"/>', paragraph("也填好了"));
    expect(paragraphsOf(read(body)).map((p) => p.text)).toEqual(["填好的", "也填好了"]);
  });

  it("reads a filled control nested inside a placeholder control's sibling", () => {
    const row = `<w:tr>${control("<w:showingPlcHdr/>", `<w:tc><w:p>${placeholderRun}</w:p></w:tc>`)}<w:tc>${control("", "<w:p><w:r><w:t>7</w:t></w:r></w:p>")}</w:tc></w:tr>`;
    const s = read(`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${row}</w:tbl>`);
    expect(texts(tablesOf(s)[0])).toEqual([["", "7"]]);
  });
});

describe("markup-compatibility alternate content", () => {
  const alternate = (choices: string, fallback: string) =>
    `<w:p><w:r><mc:AlternateContent>${choices}<mc:Fallback><w:t>${fallback}</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
  const choice = (requires: string, text: string) =>
    `<mc:Choice Requires="${requires}"><w:t>${text}</w:t></mc:Choice>`;
  const textOf = (body: string) => paragraphsOf(read(body)).map((p) => p.text);

  it("takes the first Choice whose namespaces are all understood, never two branches", () => {
    expect(textOf(alternate(choice("wps", "甲") + choice("v", "乙"), "丙"))).toEqual(["甲"]);
    expect(textOf(alternate(choice("x9", "甲") + choice("wps v", "乙"), "丙"))).toEqual(["乙"]);
  });

  it("falls back when a Choice requires an unknown or undeclared namespace", () => {
    expect(textOf(alternate(choice("x9", "甲"), "丙"))).toEqual(["丙"]);
    expect(textOf(alternate(choice("wps x9", "甲"), "丙"))).toEqual(["丙"]);
    expect(textOf(alternate(choice("nope", "甲"), "丙"))).toEqual(["丙"]);
  });

  it("resolves Requires through the prefixes in scope, not their spelling", () => {
    const body = alternate(
      choice("s", "甲").replace(
        "<mc:Choice ",
        '<mc:Choice xmlns:s="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ',
      ) + choice("wps", "乙").replace("<mc:Choice ", '<mc:Choice xmlns:wps="urn:example:fake" '),
      "丙",
    );
    expect(textOf(body)).toEqual(["甲"]);
    const lateFake = alternate(
      choice("wps", "乙").replace("<mc:Choice ", '<mc:Choice xmlns:wps="urn:example:fake" '),
      "丙",
    );
    expect(textOf(lateFake)).toEqual(["丙"]);
  });
});

/** A table in a text box, the way Word writes it (DrawingML with a VML fallback). */
function wordTextBox(content: string): string {
  return (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5000000" cy="3000000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>' +
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5000000" cy="3000000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>' +
    `<wps:txbx><w:txbxContent>${content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape id="文本框 1" style="width:393pt;height:236pt"><v:textbox><w:txbxContent>${content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  );
}

/** The same as WPS and older Word write it: a VML text box only. */
function vmlTextBox(content: string): string {
  return `<w:r><w:pict><v:shape id="_x0000_s1026" type="#_x0000_t202" style="width:393pt;height:236pt"><v:textbox><w:txbxContent>${content}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
}

describe("tables in text boxes", () => {
  const boxed =
    paragraph("框内说明") +
    table([
      ["甲", "乙"],
      ["1", "2"],
    ]) +
    paragraph("");

  it.each([
    ["Word (DrawingML with a VML fallback)", wordTextBox],
    ["WPS (VML)", vmlTextBox],
  ])("reads the table once, after its anchor paragraph, as %s writes it", (_, box) => {
    const body =
      paragraph("前") +
      table([["正文表"]]) +
      `<w:p><w:r><w:t>锚</w:t></w:r>${box(boxed)}</w:p>` +
      paragraph("后") +
      table([["第二个正文表"]]);
    const s = read(body);
    expect(() => parseSnapshot(JSON.parse(JSON.stringify(s)))).not.toThrow();
    expect(
      s.blocks.map((b) =>
        b.kind === "paragraph"
          ? `p${b.paragraphIndex}:${b.text}`
          : `t${b.tableIndex}${b.origin ? `/${b.origin}` : ""}:${b.rows[0]?.cells[0]?.text}`,
      ),
    ).toEqual(["p0:前", "t0:正文表", "p1:锚", "t-1/textbox:甲", "p2:后", "t1:第二个正文表"]);
    expect(texts(tablesOf(s)[1])).toEqual([
      ["甲", "乙"],
      ["1", "2"],
    ]);
  });

  it("reads the fallback's text box when the Choice needs an unknown namespace", () => {
    const box = wordTextBox(table([["选择"]]))
      .replace('Requires="wps"', 'Requires="x9"')
      .replace(
        /<v:textbox><w:txbxContent>[\s\S]*<\/w:txbxContent>/,
        `<v:textbox><w:txbxContent>${table([["后备"]])}</w:txbxContent>`,
      );
    const s = read(`<w:p>${box}</w:p>`);
    expect(tablesOf(s).map((t) => texts(t))).toEqual([[["后备"]]]);
  });

  it("places a text box anchored in a body table cell after that table", () => {
    const cellXml = `<w:p>${vmlTextBox(table([["框"]]))}<w:r><w:t>格</w:t></w:r></w:p>`;
    const s = read(table([[{ xml: cellXml }]]) + paragraph("后"));
    expect(
      s.blocks.map((b) => (b.kind === "table" ? b.tableIndex : `p${b.paragraphIndex}`)),
    ).toEqual([0, -1, "p0"]);
    expect(texts(tablesOf(s)[0])).toEqual([["格"]]);
  });

  it("keeps a table nested in a text-box table inside its cell", () => {
    const inner = table([["内"]]);
    const s = read(
      `<w:p>${vmlTextBox(table([[{ xml: paragraph("外") + inner + "<w:p/>" }]]))}</w:p>`,
    );
    const boxTable = tablesOf(s)[0];
    expect(boxTable?.origin).toBe("textbox");
    expect(texts(boxTable?.rows[0]?.cells[0]?.nestedTables[0])).toEqual([["内"]]);
  });
});
