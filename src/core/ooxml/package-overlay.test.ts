/**
 * overlayPackage: a host's own reading (paragraph texts with hidden and placeholder text, no
 * text-box tables or text-box tables listed as body tables) brought together with the same body
 * read as a package gives what the .docx reader gives.
 */
import { check } from "../check/check";
import { readDocument, readWithHiddenText } from "./read-document";
import { overlayPackage, packageText } from "./package-overlay";
import type { DocumentSnapshot, SnapshotTable } from "../model/snapshot";
import { BALANCED_TABLE4, docx, flatOpc, paragraph } from "../../../test/support/docx-builder";
import {
  PLACEHOLDER,
  SHOWN_PROSE,
  awkwardReport,
  revealHidden,
  revealPlaceholders,
  withoutTextBoxes,
} from "../../../test/support/awkward-prose";

const faulty = () => awkwardReport({ table4: { ...BALANCED_TABLE4, review: [1, 1, 0, 1, 4] } });

/** What a host's object model reads: hidden and placeholder text included, text boxes not. */
function hostReading(xml: string, asBodyTables = false): DocumentSnapshot {
  return readDocument(docx(withoutTextBoxes(revealPlaceholders(revealHidden(xml)), asBodyTables)));
}

const texts = (s: DocumentSnapshot) =>
  s.blocks.map((b) => (b.kind === "paragraph" ? b.text : `T${b.tableIndex}${b.origin ?? ""}`));

describe("overlayPackage", () => {
  it("adds the text-box table and takes hidden and placeholder text out of the prose", () => {
    const xml = faulty();
    const expected = readDocument(docx(xml));
    const host = hostReading(xml);
    expect(texts(host)).toContain(`本年度共收到政府信息公开申请623件。`);
    expect(texts(host)).toContain(`联系人：${PLACEHOLDER}`);

    const overlay = overlayPackage(host, readDocument(flatOpc(xml)));
    expect(overlay.aligned).toBe(true);
    expect(overlay.textboxTables).toBe(1);
    expect(overlay.correctedParagraphs).toBe(2);
    expect(overlay.unmatchedParagraphs).toBe(0);
    expect(overlay.hostTables).toEqual([0, 1]);
    expect(overlay.snapshot).toEqual(expected);
    expect(texts(overlay.snapshot)).toContain(SHOWN_PROSE);
    expect(check(overlay.snapshot).findings).toEqual(check(expected).findings);
  });

  it("takes a text-box table the host listed among its own out of the body's numbering", () => {
    const xml = faulty();
    const host = hostReading(xml, true);
    expect(host.blocks.filter((b) => b.kind === "table")).toHaveLength(3);
    const overlay = overlayPackage(host, readDocument(flatOpc(xml)));
    expect(overlay.aligned).toBe(true);
    expect(overlay.hostTables).toEqual([0, 1]);
    const tables = overlay.snapshot.blocks.filter((b): b is SnapshotTable => b.kind === "table");
    expect(tables.map((t) => [t.tableIndex, t.origin])).toEqual([
      [0, undefined],
      [1, undefined],
      [-1, "textbox"],
    ]);
    expect(overlay.snapshot).toEqual(readDocument(docx(xml)));
    // Nothing in the text-box table can be marked: its findings carry no anchor.
    const total = check(overlay.snapshot).findings.find((f) => f.rule === "table4-total");
    expect(total?.anchors).toEqual([]);
  });

  it("numbers body tables after a text-box table listed first as the .docx reader does", () => {
    const xml = faulty();
    // The text box moved before table 二: the host lists it first.
    const box = /<w:p><w:r><mc:AlternateContent>[\s\S]*?<\/mc:AlternateContent><\/w:r><\/w:p>/.exec(
      xml,
    )?.[0] as string;
    const moved = xml.replace(box, paragraph("")).replace("<w:body>", `<w:body>${box}`);
    const overlay = overlayPackage(hostReading(moved, true), readDocument(flatOpc(moved)));
    expect(overlay.aligned).toBe(true);
    expect(overlay.hostTables).toEqual([1, 2]);
    expect(overlay.snapshot).toEqual(readDocument(docx(moved)));
  });

  it("keeps the host's reading when the two do not line up", () => {
    const xml = faulty();
    const host = hostReading(xml);
    const other = readDocument(flatOpc(xml.replace("<w:body>", `<w:body>${paragraph("多")}`)));
    const overlay = overlayPackage(host, other);
    expect(overlay).toMatchObject({ aligned: false, textboxTables: 0, hostTables: [0, 1] });
    expect(overlay.snapshot).toBe(host);

    expect(xml).toContain("本年制发件数");
    const changedTable = readDocument(flatOpc(xml.replace("本年制发件数", "本年制发数")));
    expect(overlayPackage(host, changedTable).aligned).toBe(false);
  });

  it("tolerates empty paragraphs at the end that only one reading lists", () => {
    const xml = faulty();
    const host = hostReading(xml);
    const longer = readDocument(
      flatOpc(xml.replace("</w:body>", `${paragraph("")}${paragraph("")}</w:body>`)),
    );
    const overlay = overlayPackage(host, longer);
    expect(overlay.aligned).toBe(true);
    expect(overlay.snapshot).toEqual(readDocument(docx(xml)));
  });
});

describe("packageText", () => {
  it("takes the package's text only where it is the host's with characters left out", () => {
    expect(packageText("申请623件", "申请63件")).toBe("申请63件");
    expect(packageText("联系人：单击此处", "联系人：")).toBe("联系人：");
    expect(packageText("第一行\u000b第二行", "第一行\n第二行")).toBe("第一行\u000b第二行");
    expect(packageText("申请63件", "申请64件")).toBeNull();
    expect(packageText("", "有字")).toBeNull();
    expect(packageText("同", "同")).toBe("同");
  });
});

describe("readWithHiddenText", () => {
  it("keeps hidden and placeholder text that readDocument leaves out, and nothing else", () => {
    const xml = awkwardReport();
    const all = texts(readWithHiddenText(flatOpc(xml)));
    expect(all).toContain("本年度共收到政府信息公开申请623件。");
    expect(all).toContain(`联系人：${PLACEHOLDER}`);
    expect(all).toEqual(texts(readDocument(flatOpc(revealPlaceholders(revealHidden(xml))))));
    expect(texts(readDocument(flatOpc(xml)))).toContain(SHOWN_PROSE);
  });
});
