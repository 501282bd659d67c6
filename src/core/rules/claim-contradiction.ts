/**
 * A sentence that says something the tables deny: 「均已办结」 while applications are carried
 * forward; 「未收到…申请」 while 本年新收 is more than 0; 「未发生…行政复议/诉讼」 while table 四
 * has cases; 「未发出收费通知」 while table 三 （六）2 counts applicants who did not pay after one.
 *
 * 「未收取信息处理费」 is deliberately not held against （六）2: those applicants did not pay,
 * so nothing was collected from them. Sentences about another year or another scope (各部门,
 * 本级, 法人…, 网上…) and figures of part of the applications are left alone.
 */
import type { BodyParagraph, ReportModel } from "../recognize/model";
import { anchorsOf } from "./arithmetic";
import { rowFigure, rowsFigure, type Figure } from "./figures";
import { flat, sentences, writtenParagraphs } from "./prose";
import type { Rule, RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

interface Claim {
  /** What the sentence (or its clause) says, matched on flattened prose. */
  find(sentence: string, model: ReportModel): string | null;
  /** The table figure that contradicts it when more than 0, and its name. */
  figure(model: ReportModel, said: string): { figure: Figure | null; name: string } | null;
}

const CLAUSES = /[^,;。:]+/g;
const clauses = (sentence: string) => sentence.match(CLAUSES) ?? [];

/** A sentence about part of the applications, another body or another period. */
const OTHER_SCOPE =
  /本级|所属|下属|直属|各部门|各单位|各乡镇|各街道|各地|法人|企业|组织|机构|网上|线上|网络|信函|当面|邮寄|传真|电子邮件|重复|上年结转|去年|上一年|往年|同比|以来|历年|累计/;

const ALL_DONE =
  /(?:均|全部|全都|都|悉数)(?:已经|已)?(?:按时|按期|依法|及时|依法依规|在法定期限内|在规定时间内|在规定期限内|在法定时限内)*(?:予以)?(?:办结|办理完毕|答复完毕|处理完毕|办理完成|答复|回复)/;
const NONE_RECEIVED = /(?:未|没有|尚未|未曾)(?:收到|受理|接到|接收)[^,;。]{0,20}?申请(?!人)|零申请/;
const NO_CASES =
  /(?:(?:未|没有|未曾|尚未)(?:发生|出现|收到|接到|涉及|被|产生|有|因)|无(?=政府信息公开|因|涉及|行政复议|行政诉讼|复议|诉讼))[^,;。]{0,24}?(?:行政复议|行政诉讼|复议|诉讼)/;
const NO_FEE_NOTICE =
  /(?:未|没有|未曾|尚未)(?:发出|发放|送达|下发|开具|出具|作出|产生|有)[^,;。]{0,12}?收费通知|(?:无|不存在)[^,;。]{0,6}?收费通知/;

const T3_CARRY_FORWARD = "表三“四、结转下年度继续办理”";
const T3_NEW = "表三“一、本年新收政府信息公开申请数量”";

const CLAIMS: Claim[] = [
  {
    // 「申请均已办结」: every application done, none carried forward.
    find(sentence, model) {
      if (!/申请/.test(sentence) || /复议|诉讼|结转|除[^。]*外|其余/.test(sentence)) return null;
      const match = ALL_DONE.exec(sentence);
      if (!match) return null;
      // 「收到申请20件，均已办结」 is about all of them only when 20 is all of them; the count
      // nearest before (this clause or the one before it) is the one 均 refers to.
      const near = clauses(sentence.slice(0, match.index)).slice(-2).join(",");
      const count = [...near.matchAll(/(\d+)件/g)].map((m) => Number(m[1])).at(-1);
      if (count !== undefined && !allApplications(model).includes(count)) return null;
      return match[0];
    },
    figure: (model) => ({
      figure: rowFigure(model, "table3", "carryForward"),
      name: T3_CARRY_FORWARD,
    }),
  },
  {
    // 「本年度未收到政府信息公开申请」.
    find(sentence) {
      for (const clause of clauses(sentence)) {
        if (/复议|诉讼/.test(clause)) continue;
        const match = NONE_RECEIVED.exec(clause);
        if (match) return match[0];
      }
      return null;
    },
    figure: (model) => ({ figure: rowFigure(model, "table3", "new"), name: T3_NEW }),
  },
  {
    // 「未发生因政府信息公开引起的行政复议和行政诉讼」.
    find(sentence) {
      for (const clause of clauses(sentence)) {
        if (/未经复议|纠错|纠正|败诉|撤销|确认违法|风险|审结/.test(clause)) continue;
        const match = NO_CASES.exec(clause);
        if (match) return clause.slice(match.index);
      }
      return null;
    },
    figure(model, said) {
      const review = /复议/.test(said);
      const suits = /诉讼/.test(said);
      const figures: [Figure | null, string][] = [];
      if (review) figures.push([rowFigure(model, "table4", "review"), "表四“行政复议”"]);
      if (suits)
        figures.push([
          rowsFigure(model, "table4", ["suitDirect", "suitAfterReview"]),
          "表四“行政诉讼”",
        ]);
      const found = figures.find(([f]) => f !== null && f.value > 0);
      return found ? { figure: found[0], name: found[1] } : null;
    },
  },
  {
    // 「未发出收费通知」 while applicants failed to pay after one.
    find(sentence, model) {
      if (model.spec.id !== "2021") return null;
      for (const clause of clauses(sentence)) {
        if (/未按/.test(clause)) continue;
        const match = NO_FEE_NOTICE.exec(clause);
        if (match) return match[0];
      }
      return null;
    },
    figure: (model) => ({
      figure: rowFigure(model, "table3", "other.2"),
      name: "表三“（六）其他处理”第 2 项（申请人逾期未按收费通知要求缴纳费用）",
    }),
  },
];

export const claimContradiction: Rule<"claim-contradiction"> = {
  meta: {
    id: "claim-contradiction",
    severity: "warning",
    name: "正文说法与表格矛盾",
    remedy: "请核对正文的说法与表格，改正有误的一处。",
    description:
      "正文的概括性说法与表格矛盾：如称申请“均已办结”而有结转下年度的申请，称“未收到申请”“未发生行政复议、诉讼”“未发出收费通知”而表格中数量大于 0",
    basis: `年度报告正文与附表应口径一致（评估实践，非法定条款）；${FORMAT_2021_NOTICE}（四）明确责任：“发布内容不准确不全面”的应当追责`,
  },
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const paragraph of writtenParagraphs(model)) {
      for (const sentence of sentences(flat(paragraph.text))) {
        if (OTHER_SCOPE.test(sentence) || mentionsOtherYear(sentence, model.year)) continue;
        for (const claim of CLAIMS) {
          const said = claim.find(sentence, model);
          if (said === null) continue;
          const found = claim.figure(model, said);
          if (!found?.figure || found.figure.value <= 0) continue;
          findings.push(contradiction(paragraph, sentence, said, found.name, found.figure));
        }
      }
    }
    return findings;
  },
};

function contradiction(
  paragraph: BodyParagraph,
  sentence: string,
  said: string,
  name: string,
  figure: Figure,
): RuleFinding {
  return {
    message: `正文称“${said}”，但${name}为 ${figure.value} 件，两者矛盾，请核对`,
    location: { paragraph: paragraph.paragraphIndex, text: sentence },
    actual: figure.value,
    anchors: [
      { kind: "paragraph", paragraphIndex: paragraph.paragraphIndex },
      ...anchorsOf(figure.cells),
    ],
  };
}

/** 本年新收, or 本年新收 + 上年结转: the figures that mean "all the applications". */
function allApplications(model: ReportModel): number[] {
  const received = rowFigure(model, "table3", "new")?.value;
  const carried = rowFigure(model, "table3", "carried")?.value ?? 0;
  return received === undefined ? [] : [received, received + carried];
}

function mentionsOtherYear(sentence: string, year: number | null): boolean {
  if (year === null) return false;
  for (const match of sentence.matchAll(/((?:19|20)\d{2})年/g))
    if (Number(match[1]) !== year) return true;
  return false;
}
