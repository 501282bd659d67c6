/**
 * 六、其他需要报告的事项 says nothing about 信息处理费. The 2021 format asks for the fees there
 * (its template: 「收取信息处理费情况在此处报告」), under the measures of 国办函〔2020〕109号;
 * a report with fee notices in table 三 （六）2 has something to say. Any wording counts:
 * 「本年度未收取信息处理费」, 「没有发出收费通知」, 「未收取任何费用」, a citation of 109号.
 */
import { flat, headingAnchor, sectionParagraphs, sectionWritten, writtenParagraphs } from "./prose";
import { anchorsOf } from "./arithmetic";
import { rowFigure } from "./figures";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

/** Any word about fees in 六. */
const FEE_WORDS = /处理费|收费|收取|费用|缴费|缴纳|计费|109号/;
/** Elsewhere in the report only the fee's own name counts (收费 may be 行政事业性收费). */
const FEE_NAME = /信息处理费|信息公开处理费|政府信息处理费/;

export const feeStatementMissing: Rule<"fee-statement-missing"> = {
  meta: {
    id: "fee-statement-missing",
    severity: "warning",
    name: "未说明信息处理费",
    remedy: "请写明本年度收取信息处理费的情况，未收取的也请写明。",
    description:
      "2021 年新格式的报告，“六、其他需要报告的事项”没有说明收取信息处理费的情况（未收取也应写明）",
    basis: `${FORMAT_2021_NOTICE}附件“六、其他需要报告的事项”：收取信息处理费情况在此处报告；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`,
  },
  check({ model }) {
    if (model.format === "2019" || (model.year !== null && model.year < 2021)) return [];
    if (!sectionWritten(model, "六")) return [];
    if (sectionParagraphs(model, "六").some((p) => FEE_WORDS.test(flat(p.text)))) return [];
    if (writtenParagraphs(model).some((p) => FEE_NAME.test(flat(p.text)))) return [];
    const notices = rowFigure(model, "table3", "other.2");
    const withNotices = notices !== null && notices.value > 0;
    return [
      {
        message: withNotices
          ? `表三“（六）其他处理”第 2 项（申请人逾期未按收费通知缴费）为 ${notices.value} 件，本年发出过收费通知，但“六、其他需要报告的事项”没有说明收取信息处理费的情况，请补充`
          : "“六、其他需要报告的事项”没有说明收取信息处理费的情况；未收取的，也请写明（如“本年度未收取信息处理费”）",
        location: { section: "六" },
        anchors: [...headingAnchor(model, "六"), ...(withNotices ? anchorsOf(notices.cells) : [])],
      },
    ];
  },
};
