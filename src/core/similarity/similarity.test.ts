import fc from "fast-check";
import {
  containment,
  fingerprint,
  measureCopying,
  normalizeParagraph,
  proseOf,
  type ProseParagraph,
} from "./similarity";

const prose = (...texts: string[]): ProseParagraph[] =>
  texts.map((text, index) => normalizeParagraph(index, text));

const LAST_YEAR =
  "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全年主动公开政府信息 120 条。";

describe("normalizeParagraph", () => {
  it("drops white space, folds full-width ASCII and turns each run of digits into one #", () => {
    const p = normalizeParagraph(0, "全年 公开１２３条，\u3000共 45 件");
    expect(p.normal).toBe("全年公开#条,共#件");
    // Each normalised character maps back to where it was written.
    expect([...p.normal].map((_, i) => p.text[p.offsets[i] as number])).toEqual([
      ..."全年公开１条，共4件",
    ]);
  });
});

describe("measureCopying", () => {
  it("finds a paragraph copied with only its figures changed", () => {
    const measure = measureCopying(prose(LAST_YEAR.replace("120", "135")), prose(LAST_YEAR));
    expect(measure.similarity).toBe(1);
    expect(measure.passages).toHaveLength(1);
    expect(measure.passages[0]?.text).toBe(LAST_YEAR.replace("120", "135"));
  });

  it("counts only the copied characters and lists the longest passage first", () => {
    const fresh = "今年新建了依申请公开办理系统，实现申请、受理、答复全流程网上办理。";
    const copiedShort = "坚持以公开为常态、不公开为例外";
    const measure = measureCopying(prose(fresh, copiedShort, LAST_YEAR), prose(LAST_YEAR));
    const total = [fresh, copiedShort, LAST_YEAR]
      .map((t) => normalizeParagraph(0, t).normal.length)
      .reduce((a, b) => a + b);
    const copied = normalizeParagraph(0, copiedShort).normal.length;
    const whole = normalizeParagraph(0, LAST_YEAR).normal.length;
    expect(measure.copiedCharacters).toBe(copied + whole);
    expect(measure.similarity).toBeCloseTo((copied + whole) / total);
    expect(measure.passages.map((p) => p.paragraphIndex)).toEqual([2, 1]);
  });

  it("says 0 for unrelated prose and for no prose at all", () => {
    expect(
      measureCopying(prose("今年新建了依申请公开办理系统。"), prose(LAST_YEAR)).similarity,
    ).toBe(0);
    expect(measureCopying([], prose(LAST_YEAR)).similarity).toBe(0);
  });

  it("never matches across paragraphs: a shingle lies within one paragraph", () => {
    const halves = [LAST_YEAR.slice(0, 5), LAST_YEAR.slice(5, 10)];
    expect(measureCopying(prose(LAST_YEAR.slice(0, 10)), prose(...halves)).similarity).toBe(0);
  });

  it("is a share between 0 and 1, is 1 against itself, and grows with what last year had", () => {
    const text = fc.string({
      unit: fc.constantFrom(..."公开信息政府条例申请办理年度报告工作"),
      minLength: 0,
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), fc.array(text, { maxLength: 5 }), (a, b) => {
        const current = prose(...a);
        const share = measureCopying(current, prose(...b)).similarity;
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        expect(measureCopying(current, prose(...b, ...a)).similarity).toBeGreaterThanOrEqual(share);
        if (current.some((p) => p.normal.length > 0))
          expect(measureCopying(current, current).similarity).toBe(1);
      }),
    );
  });
});

describe("proseOf", () => {
  it("leaves out the title, the statistics period, headings and short numbered sub-headings", () => {
    const paragraph = (paragraphIndex: number, text: string, isHeading = false) => ({
      paragraphIndex,
      text,
      section: null,
      isHeading,
    });
    const result = proseOf({
      title: {
        text: "某镇2024年政府信息公开工作年度报告",
        paragraphIndex: 0,
        year: 2024,
        unit: "某镇",
      },
      paragraphs: [
        paragraph(0, "某镇2024年政府信息公开工作年度报告"),
        paragraph(1, "一、总体情况", true),
        paragraph(2, "（一）主动公开情况"),
        paragraph(3, LAST_YEAR),
        paragraph(4, "   "),
        paragraph(5, "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"),
      ],
      period: {
        text: "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。",
        paragraphIndex: 5,
        startYear: 2024,
        endYear: 2024,
        problems: [],
      },
    });
    expect(result.map((p) => p.paragraphIndex)).toEqual([3]);
  });
});

describe("fingerprint and containment", () => {
  it("gives 1 for a report inside another and 0 for unrelated ones", () => {
    const a = fingerprint(prose(LAST_YEAR));
    const b = fingerprint(prose("今年新建了依申请公开办理系统，实现全流程网上办理。", LAST_YEAR));
    expect(containment(a, b)).toBe(1);
    expect(containment(a, fingerprint(prose("今年新建了依申请公开办理系统。")))).toBe(0);
    expect(containment(a, new Uint32Array())).toBe(0);
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
  });
});
