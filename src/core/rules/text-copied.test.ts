import { readDocument } from "../ooxml/read-document";
import { statutoryReport } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const COPIED = [
  "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全年主动公开政府信息120条。",
  "严格落实政府信息公开保密审查制度，做到先审查、后公开，一事一审、全面审查。",
];
const FRESH = [
  "今年新建了依申请公开办理系统，实现申请、受理、答复全流程网上办理，平均答复时间缩短到八个工作日。",
  "围绕乡村振兴、营商环境等重点领域，新设专栏六个，发布解读材料二十篇。",
];
const lastYear = readDocument(statutoryReport({ year: 2022, prose: COPIED }));

describe("text-copied", () => {
  it("does nothing without last year's report", () => {
    expect(findingsOf(checkReport({ prose: COPIED }), "text-copied")).toEqual([]);
  });

  it("notes prose copied from last year, quoting the longest passage and marking its paragraph", () => {
    const result = checkReport({ prose: COPIED }, { previous: lastYear });
    expect(result.reports[0]?.copying?.similarity).toBe(1);
    const [finding, ...rest] = findingsOf(result, "text-copied");
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe("info");
    expect(finding?.actual).toBe(100);
    expect(finding?.expected).toBe(50);
    expect(finding?.message).toContain("重复率为 100%（超过 50%）");
    expect(finding?.message).toContain("“本机关认真贯彻落实");
    expect(finding?.anchors[0]?.kind).toBe("paragraph");
  });

  it("is silent under the threshold, and the threshold is an option", () => {
    const prose = [...FRESH, COPIED[1] as string];
    // This year's 五 and 六 are its own too: only the one copied paragraph is shared.
    const sectionText = {
      五: ["依申请公开答复的说理还不够充分。下一步将逐件审核答复书，加强业务培训。"],
      六: ["本年度未收取信息处理费。全年办理人大代表建议三件，均已按期答复。"],
    };
    const result = checkReport({ prose, sectionText }, { previous: lastYear });
    const share = result.reports[0]?.copying?.similarity ?? -1;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.5);
    expect(findingsOf(result, "text-copied")).toEqual([]);
    const strict = checkReport(
      { prose, sectionText },
      { previous: lastYear, similarityThreshold: 0.2 },
    );
    expect(findingsOf(strict, "text-copied")).toHaveLength(1);
  });
});
