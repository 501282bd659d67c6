/**
 * What the content rules read of a report's prose: the written paragraphs of a section (not its
 * heading, not a template's bracketed instructions), sentences, and what kind of unit wrote it.
 */
import type { SectionId } from "../formats/types";
import type { BodyParagraph, ReportModel } from "../recognize/model";
import { normalizeProse } from "../text/normalize";

/**
 * A template's instruction left in place: the whole paragraph in brackets, e.g.
 * 「（文字描述：收取信息处理费情况在此处报告。）」 or 「（单位名称）」. Not the author's text.
 */
export function isPlaceholder(text: string): boolean {
  const t = normalizeProse(text);
  return /^[(【[][^()]*[)】\]]$/.test(t) && PLACEHOLDER_WORDS.test(t);
}

const PLACEHOLDER_WORDS = /文字描述|此处|填写|填报|单位名称|如实|请在|略\)/;

function isWritten(p: BodyParagraph): boolean {
  return p.text.trim() !== "" && !isPlaceholder(p.text);
}

/** The section's paragraphs after its heading, sub-headings included, instructions left out. */
export function sectionParagraphs(model: ReportModel, id: SectionId): BodyParagraph[] {
  const heading = model.sections.find((s) => s.id === id)?.paragraphIndex;
  return model.paragraphs.filter(
    (p) => p.section === id && p.paragraphIndex !== heading && isWritten(p),
  );
}

/**
 * Whether the author has written anything in the section: at least one paragraph that is not a
 * heading or an instruction. A blank template's section is not written, and the content rules
 * leave it alone (cell-blank already says the report is a draft).
 */
export function sectionWritten(model: ReportModel, id: SectionId): boolean {
  return sectionParagraphs(model, id).some((p) => !p.isHeading);
}

/** Whether the author has written any section yet (else the report is a blank template). */
export function anyWritten(model: ReportModel): boolean {
  return model.sections.some((s) => sectionWritten(model, s.id));
}

/** Every written paragraph of the report, headings included (the title and its intro too). */
export function writtenParagraphs(model: ReportModel): BodyParagraph[] {
  return model.paragraphs.filter(isWritten);
}

/** The paragraph of a section's heading, for a finding about the section as a whole. */
export function headingAnchor(
  model: ReportModel,
  id: SectionId,
): { kind: "paragraph"; paragraphIndex: number }[] {
  const heading = model.sections.find((s) => s.id === id);
  return heading ? [{ kind: "paragraph", paragraphIndex: heading.paragraphIndex }] : [];
}

/** Prose as the rules match it: NFKC (full-width punctuation to ASCII), no spaces. */
export function flat(text: string): string {
  return normalizeProse(text).replace(/\s+/g, "");
}

/** Sentences of flattened prose, each with its closing mark. */
export function sentences(text: string): string[] {
  return text.match(/[^。;!?]+[。;!?]?/g) ?? [];
}

/** Characters as a clerk counts 字: everything but whitespace. */
export function characterCount(paragraphs: BodyParagraph[]): number {
  return paragraphs.reduce(
    (n, p) => n + p.text.replace(/[\s\u3000\u00a0\u200b\ufeff]/g, "").length,
    0,
  );
}

/**
 * 各级人民政府 (条例第五十条第四项) are the people's governments at every level, from the
 * 国务院 down to 乡、民族乡、镇. A 街道办事处 is the 派出机关 of a 区 or 市 government, not a
 * level of government; a department (…局, …委员会, …人民政府办公室) is not a government either.
 */
export type UnitKind = "government" | "subdistrict" | "department" | "unknown";

const PLACE = /(?:省|自治区|市|自治州|州|盟|县|自治县|旗|自治旗|区|特区|林区|乡|民族乡|苏木|镇)$/;
const ZONE = /(?:开发区|高新区|新区|园区|示范区|试验区|保税区|合作区|景区|农场|林场)$/;
const ORGAN =
  /(?:局|委|委员会|办|办公室|办公厅|厅|院|所|中心|公司|站|队|会|部|处|室|馆|社|行|署|司|大队|支队|中队|学校|医院|法院|检察院)$/;

export function unitKind(unit: string | null): UnitKind {
  if (unit === null) return "unknown";
  const name = flat(unit);
  if (name === "" || isPlaceholder(name)) return "unknown";
  if (/街道办事处$|街道办$|街道$/.test(name)) return "subdistrict";
  if (/人民政府$|(?:省|市|县|区|旗|州|盟|乡|镇)政府$/.test(name)) return "government";
  if (ORGAN.test(name)) return "department";
  if (ZONE.test(name)) return "unknown";
  // A bare place name (苏溪镇, 义乌市): the report of that place's government.
  if (/^\p{Script=Han}+$/u.test(name) && PLACE.test(name)) return "government";
  return "unknown";
}
