/**
 * A figure in the prose that states the same quantity as a table cell and contradicts it.
 * Deliberately narrow: the sentence must name the quantity in the table's own words, must be
 * about this report's year and scope, and the table cell must be filled in. A sentence about a
 * part of the scope (市本级, 各部门, 网上申请…), another year, or a blank cell never fires.
 */
import { cellId } from "../formats/relations";
import { normalizeProse } from "../text/normalize";
import type { CellKey } from "../formats/types";
import type { DataCell, ReportModel } from "../recognize/model";
import { anchorsOf } from "./arithmetic";
import type { Rule, RuleFinding } from "./types";

interface Claim {
  /** What the sentence says, e.g. 收到政府信息公开申请. */
  pattern: RegExp;
  /** Words the sentence must contain for the figure to be about information-disclosure cases. */
  context: RegExp;
  /** Cells whose sum the figure must equal; any one of the alternatives is accepted. */
  sums: CellKey[][];
  describe: string;
}

const t3 = (row: string): CellKey => ({ table: "table3", row, column: "total" });
const t3group = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => t3(`${prefix}.${i + 1}`));
const t4 = (row: string): CellKey => ({ table: "table4", row, column: "total" });
const APPLICATIONS = /申请/;
const DISCLOSURE = /信息公开/;

/**
 * A result of the applications (予以公开 … 其他处理) and its figure: the word must not be joined
 * to another by 及、和、与 (予以公开和部分公开 N 件 counts both).
 */
function result(
  ordinal: string,
  word: string,
  sums: CellKey[],
  total: "总计" | "各项总计之和",
): Claim {
  return {
    pattern: new RegExp(`(?<![及和与、])${word}(\\d+)件`),
    context: APPLICATIONS,
    sums: [sums],
    describe: `表三“${ordinal}${word}”${total}`,
  };
}

function claims(model: ReportModel): Claim[] {
  const otherRows = model.spec.id === "2021" ? t3group("other", 3) : [t3("other")];
  return [
    {
      pattern:
        /(?:收到|受理|新收|接收|接到)(?:了)?(?:各类)?(?:政府)?信息公开申请(?:共|总计|合计)?(\d+)件/,
      context: APPLICATIONS,
      // 收到 may count the carried-over applications too (收到 = 新收 + 上年结转).
      sums: [[t3("new")], [t3("new"), t3("carried")]],
      describe: "表三“一、本年新收政府信息公开申请数量”总计",
    },
    result("（一）", "予以公开", [t3("granted")], "总计"),
    result("（二）", "部分公开", [t3("partial")], "总计"),
    result("（三）", "不予公开", t3group("denied", 8), "各项总计之和"),
    result("（四）", "无法提供", t3group("unavailable", 3), "各项总计之和"),
    result("（五）", "不予处理", t3group("notProcessed", 5), "各项总计之和"),
    result("（六）", "其他处理", otherRows, "各项总计之和"),
    {
      pattern: /结转(?:至)?下一?年度(?:继续办理)?(\d+)件/,
      context: APPLICATIONS,
      sums: [[t3("carryForward")]],
      describe: "表三“四、结转下年度继续办理”总计",
    },
    {
      pattern: /(?:被申请|发生|收到|涉及)?行政复议(?:案件|申请)?(\d+)(?:件|起)/,
      context: DISCLOSURE,
      sums: [[t4("review")]],
      describe: "表四“行政复议”总计",
    },
    {
      pattern: /(?:被提起|发生|涉及)?行政诉讼(?:案件)?(\d+)(?:件|起)/,
      context: DISCLOSURE,
      sums: [[t4("suitDirect"), t4("suitAfterReview")]],
      describe: "表四“未经复议直接起诉”与“复议后起诉”总计之和",
    },
  ];
}

/** Words that put the figure in another scope or another period. */
const OTHER_SCOPE =
  /本级|所属|下属|直属|各部门|各单位|各乡镇|各街道|备案|转办|网上|线上|网络|邮寄|信函|当面|窗口|电话|去年|上一年|同比|累计|历年|以来共/;

export const textTableMismatch: Rule<"text-table-mismatch"> = {
  meta: {
    id: "text-table-mismatch",
    severity: "warning",
    name: "正文数字与表格不符",
    description: "正文中明确陈述的数字（如收到申请 N 件、行政复议 N 件）与表格对应数据不一致",
    remedy: "请核对正文与表格，改正有误的一处。",
    basis: "年度报告正文与附表应口径一致（评估实践，非法定条款）",
  },
  check({ model }) {
    const findings: RuleFinding[] = [];
    const list = claims(model);
    for (const paragraph of model.paragraphs) {
      if (paragraph.isHeading || paragraph.text.trim() === "") continue;
      const text = normalizeProse(paragraph.text).replace(/\s+/g, "");
      const written = asWritten(paragraph.text, text);
      for (const { sentence, at } of sentences(text)) {
        if (mentionsOtherYear(sentence, model.year)) continue;
        for (const claim of list) {
          if (!claim.context.test(sentence)) continue;
          const match = claim.pattern.exec(sentence);
          if (!match) continue;
          // A scope word anywhere before the figure governs it; words after it (…均已备案) do not.
          if (OTHER_SCOPE.test(sentence.slice(0, match.index + match[0].length))) continue;
          const stated = Number(match[1]);
          const sums = claim.sums.map((keys) => tableSum(model, keys));
          if (sums.some((s) => s === null) || sums.some((s) => s?.total === stated)) continue;
          const primary = sums[0] as { total: number; cells: DataCell[] };
          findings.push({
            message: `正文“${written(at + match.index, match[0].length)}”与${claim.describe} ${primary.total} 不一致，相差 ${Math.abs(stated - primary.total)}，请核对`,
            location: { paragraph: paragraph.paragraphIndex, text: sentence },
            expected: primary.total,
            actual: stated,
            anchors: [
              { kind: "paragraph", paragraphIndex: paragraph.paragraphIndex },
              ...anchorsOf(primary.cells),
            ],
          });
        }
      }
    }
    return findings;
  },
};

/** The sentences of a text, each with where it starts. */
function sentences(text: string): { sentence: string; at: number }[] {
  return [...text.matchAll(/[^。；;！!？?]+[。；;！!？?]?/g)].map((m) => ({
    sentence: m[0],
    at: m.index,
  }));
}

/**
 * A part of the normalized text (full-width figures made half-width, spaces dropped) as the
 * clerk wrote it, to quote: each character is normalized alone, remembering where it came from.
 * Where that does not give the normalized text (characters that combine), the part is quoted
 * as normalized.
 */
function asWritten(original: string, normalized: string): (at: number, length: number) => string {
  const from: number[] = [];
  const to: number[] = [];
  let rebuilt = "";
  let offset = 0;
  for (const char of original) {
    const part = char.normalize("NFKC").replace(/[\s\u200b]/g, "");
    for (let i = 0; i < part.length; i++) {
      from.push(offset);
      to.push(offset + char.length);
    }
    rebuilt += part;
    offset += char.length;
  }
  return (at, length) => {
    const start = from[at];
    const end = to[at + length - 1];
    if (rebuilt !== normalized || start === undefined || end === undefined)
      return normalized.slice(at, at + length);
    return original.slice(start, end).replace(/\s+/g, " ");
  };
}

function mentionsOtherYear(sentence: string, year: number | null): boolean {
  if (year === null) return false;
  for (const match of sentence.matchAll(/((?:19|20)\d{2})年/g))
    if (Number(match[1]) !== year) return true;
  return false;
}

/** Sum of the cells, or null when a cell is missing, blank or invalid (nothing to contradict). */
function tableSum(
  model: ReportModel,
  keys: CellKey[],
): { total: number; cells: DataCell[] } | null {
  const cells: DataCell[] = [];
  let total = 0;
  for (const key of keys) {
    const cell = model.tables[key.table]?.cells.get(cellId(key));
    if (cell?.value.kind !== "number") return null;
    cells.push(cell);
    total += cell.value.value;
  }
  return { total, cells };
}
