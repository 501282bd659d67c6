import type { Rule } from "./types";

export const periodInvalid: Rule<"period-invalid"> = {
  meta: {
    id: "period-invalid",
    severity: "warning",
    name: "统计期限写法有误",
    description:
      "统计期限的日期写错，无法识别为起止日期：缺少“年”字、年份不是四位数、月份或日期不存在、起始日期晚于截止日期",
    remedy: "请改为“××××年1月1日至××××年12月31日”的写法。",
    basis:
      "《中华人民共和国政府信息公开条例》第四十九条（上一年度的年度报告）；报告惯例写明统计期限",
  },
  check({ model }) {
    const period = model.period;
    if (!period || period.problems.length === 0) return [];
    return [
      {
        message: `统计期限的日期有误：${period.problems.map((p) => p.message).join("；")}`,
        location: { paragraph: period.paragraphIndex, text: period.text },
        anchors: [{ kind: "paragraph", paragraphIndex: period.paragraphIndex }],
      },
    ];
  },
};
