/**
 * The report cites a basis that no longer applies: the 条例 of 2007 (国务院令第492号), replaced
 * by the revision of 国务院令第711号 from 15 May 2019, or, in a report for 2021 or later, the
 * trial format of 国办公开办函〔2019〕60号, replaced by 〔2021〕30号.
 */
import type { BodyParagraph } from "../recognize/model";
import { flat, sentences, writtenParagraphs } from "./prose";
import type { Rule, RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

/** 国务院令第492号, 国务院令(第492号), 中华人民共和国国务院令 第 492 号. */
const OLD_REGULATION = /国务院令\(?第?492号/;
/** A sentence that names the old 条例 to say it was replaced is not citing it. */
const REPLACED = /711号|废止|取代|原条例|旧条例|修订前/;
/** 国办公开办函〔2019〕60号 in any brackets (NFKC turns 〔〕 into nothing it changes). */
const TRIAL_NOTICE = /国办公开办函[〔[(【]2019[〕\])】]60号/;
const TRIAL_FORMAT = /年度报告格式\(试行\)/;
const CURRENT_NOTICE = /[〔[(【]2021[〕\])】]30号/;

export const basisOutdated: Rule<"basis-outdated"> = {
  meta: {
    id: "basis-outdated",
    severity: "warning",
    name: "引用已被取代的依据",
    remedy: "请改为引用现行的条例和年度报告格式。",
    description:
      "编制依据引用了已被取代的文件：2007 年的《政府信息公开条例》（国务院令第 492 号），或 2021 年及以后的报告引用 2019 年试行格式",
    basis: `《中华人民共和国政府信息公开条例》（2019 年修订，国务院令第 711 号，2019 年 5 月 15 日起施行）；${FORMAT_2021_NOTICE}`,
  },
  check({ model }) {
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    const add = (paragraph: BodyParagraph, sentence: string, kind: string, message: string) => {
      if (seen.has(`${paragraph.paragraphIndex}:${kind}`)) return;
      seen.add(`${paragraph.paragraphIndex}:${kind}`);
      findings.push(finding(paragraph, sentence, message));
    };
    const newFormat = model.year !== null ? model.year >= 2021 : model.format === "2021";
    const reportAfterRevision = model.year === null || model.year >= 2019;
    for (const paragraph of writtenParagraphs(model)) {
      for (const sentence of sentences(flat(paragraph.text))) {
        if (reportAfterRevision && OLD_REGULATION.test(sentence) && !REPLACED.test(sentence))
          add(
            paragraph,
            sentence,
            "regulation",
            "引用的“国务院令第492号”是 2007 年公布的《政府信息公开条例》，已被 2019 年修订的条例（国务院令第 711 号）取代，请改为引用现行条例",
          );
        if (
          newFormat &&
          (TRIAL_NOTICE.test(sentence) || TRIAL_FORMAT.test(sentence)) &&
          !CURRENT_NOTICE.test(sentence)
        )
          add(
            paragraph,
            sentence,
            "format",
            "2021 年及以后的年度报告应按国办公开办函〔2021〕30号印发的格式编制，正文却引用 2019 年的试行格式（国办公开办函〔2019〕60号），请改为引用现行格式",
          );
      }
    }
    return findings;
  },
};

function finding(paragraph: BodyParagraph, sentence: string, message: string): RuleFinding {
  return {
    message,
    location: { paragraph: paragraph.paragraphIndex, text: sentence },
    anchors: [{ kind: "paragraph", paragraphIndex: paragraph.paragraphIndex }],
  };
}
