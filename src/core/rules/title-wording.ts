/**
 * The title is not 〈单位〉〈年〉年政府信息公开工作年度报告: 「工作报告」, 「年度总结」, 「政务公开
 * 工作年度报告」, no year, no unit. The year first (「2021年苏溪镇政府信息公开工作年度报告」) and
 * 「2021年度」 are common and accepted; whether the year is the right one is year-mismatch's.
 * A document without a title, or a blank template, gets nothing here.
 */
import type { ReportModel } from "../recognize/model";
import { anyWritten, flat, isPlaceholder } from "./prose";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

const STATUTORY_TAIL = "政府信息公开工作年度报告";
/** A title as written ends with the tail, perhaps followed by a bracketed remark (（全文）). */
const TAIL = /政府信息公开工作年度报告(?:\([^)]*\))?$/;
const YEAR = /((?:19|20)\d{2})年度?/;

export const titleWording: Rule<"title-wording"> = {
  meta: {
    id: "title-wording",
    severity: "warning",
    name: "标题写法不规范",
    remedy: "请按“单位＋年份＋政府信息公开工作年度报告”修改标题。",
    description:
      "报告标题不是“〈单位〉〈年份〉年政府信息公开工作年度报告”的写法：写成“工作报告”“年度总结”，或缺少年份、单位名称",
    basis: `《中华人民共和国政府信息公开条例》第四十九条、第五十条（政府信息公开工作年度报告）；${FORMAT_2021_NOTICE}`,
  },
  check({ model }) {
    const title = model.title ?? looseTitle(model);
    if (!title || !anyWritten(model)) return [];
    const text = flat(title.text);
    // The template's own title (「政府信息公开工作年度报告格式模板」) is not a report's, and a
    // web page's banner or breadcrumb (「政府信息公开」, 「首页 > 信息公开年报」) is no title at all.
    if (/模板|格式$/.test(text) || isPlaceholder(unitOf(text))) return [];
    if (!/报告|总结|年报|汇报/.test(text) || /[>›»]|首页|位置/.test(text)) return [];
    // A page copied from the web may carry the title twice (its index card, then the report).
    if (leadingLines(model).some((line) => problemsOf(line).length === 0)) return [];
    const problems = problemsOf(text);
    if (problems.length === 0) return [];
    const suggestion = suggest(model, text);
    return [
      {
        message: `标题“${title.text}”不规范：${problems.join("，")}${suggestion ? `，建议改为“${suggestion}”` : ""}`,
        location: { paragraph: title.paragraphIndex, text: title.text },
        anchors: [{ kind: "paragraph", paragraphIndex: title.paragraphIndex }],
      },
    ];
  },
};

function problemsOf(text: string): string[] {
  const problems: string[] = [];
  if (!TAIL.test(text)) problems.push(`应以“${STATUTORY_TAIL}”结尾`);
  if (!YEAR.test(text)) problems.push("缺少年份");
  if (!unitOf(text)) problems.push("缺少单位名称");
  return problems;
}

/**
 * A title recognition passed over for lacking the words of a report title (「…政务公开工作年度
 * 总结」): a short line before the first heading about 公开 and a 报告 or 总结, not a sentence.
 */
function looseTitle(model: ReportModel): { text: string; paragraphIndex: number } | null {
  const first = model.sections[0]?.paragraphIndex ?? Number.POSITIVE_INFINITY;
  const line = model.paragraphs
    .filter((p) => p.paragraphIndex < first && p.text.trim() !== "")
    .slice(0, 3)
    .find((p) => {
      const text = flat(p.text);
      return text.length <= 40 && /公开.*(?:报告|总结|年报)/.test(text) && !/[。.]$/.test(text);
    });
  return line ? { text: flat(line.text), paragraphIndex: line.paragraphIndex } : null;
}

/** The lines before the first section heading, where a title stands. */
function leadingLines(model: ReportModel): string[] {
  const first = model.sections[0]?.paragraphIndex ?? Number.POSITIVE_INFINITY;
  return model.paragraphs
    .filter((p) => p.paragraphIndex < first && p.text.trim().length <= 60)
    .map((p) => flat(p.text));
}

/** What is left of the title when the year and the words of a report title are taken out. */
function unitOf(text: string): string {
  return text
    .replace(YEAR, "")
    .replace(
      /(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度)?(?:工作)?(?:报告|总结|年报)(?:\([^)]*\))?$/,
      "",
    )
    .replace(/^[,、:]+|[,、:]+$/g, "");
}

function suggest(model: ReportModel, title: string): string | null {
  const unit = unitOf(title);
  const year = model.year;
  return unit && year !== null ? `${unit}${year}年${STATUTORY_TAIL}` : null;
}
