/** The report title (unit and year) and the statistics period sentence. */
import { normalizeProse } from "../text/normalize";
import type { SnapshotParagraph } from "../model/snapshot";
import type { PeriodInfo, TitleInfo } from "./model";

const TITLE_WORDS = /政府信息公开|年度报告|年报/;
const TITLE_TAIL = /(政府)?信息公开工作年度报告.*$|年度报告.*$/;

/** Looks at the paragraphs before the first section heading. */
export function findTitle(leading: SnapshotParagraph[]): TitleInfo | null {
  const texts = leading.filter((p) => p.text.trim() !== "").slice(0, 8);
  const first = texts.findIndex((p) => TITLE_WORDS.test(p.text) && p.text.trim().length <= 60);
  if (first < 0) return null;
  const start = texts[first] as SnapshotParagraph;
  const parts = [start];
  // A title broken over two or three centred lines.
  if (start.alignment === "center") {
    for (let i = first + 1; i < texts.length && parts.length < 3; i++) {
      const next = texts[i] as SnapshotParagraph;
      if (
        next.alignment !== "center" ||
        next.text.trim().length > 30 ||
        /[。]$/.test(next.text.trim())
      )
        break;
      parts.push(next);
    }
  }
  const text = normalizeProse(parts.map((p) => p.text.trim()).join("")).replace(/\s*\n\s*/g, "");
  const yearMatch = /((?:19|20)\d{2})\s*年/.exec(text);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  const unit = text
    .replace(/((?:19|20)\d{2})\s*年度?/, "")
    .replace(TITLE_TAIL, "")
    .replace(/^[\s\u3000、，,：:]+|[\s\u3000、，,：:]+$/g, "");
  return { text, paragraphIndex: start.paragraphIndex, year, unit: unit === "" ? null : unit };
}

const PERIOD_START =
  /统计(?:期限|期间|时限|时段|区间|时间)?[^。；;]{0,16}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;
const PERIOD_END = /至\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/;

export function findPeriod(paragraphs: SnapshotParagraph[]): PeriodInfo | null {
  for (const paragraph of paragraphs) {
    const text = normalizeProse(paragraph.text);
    if (!text.includes("统计")) continue;
    const start = PERIOD_START.exec(text);
    if (!start) continue;
    const end = PERIOD_END.exec(text.slice(start.index));
    return {
      text,
      paragraphIndex: paragraph.paragraphIndex,
      startYear: Number(start[1]),
      endYear: end ? Number(end[1]) : null,
    };
  }
  return null;
}
