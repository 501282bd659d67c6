/**
 * What the Word and WPS probe contexts do alike with scratch content: count what an insertion
 * added, remove what they inserted step by step, and say in words the user can act on what was
 * left behind. How a host inserts, counts and deletes stays in its own context.
 */
import { SCRATCH_MARK } from "./scratch-content";
import type { Scratch } from "./types";

/** Top-level tables and paragraphs as a host counts them, before and after an insertion. */
export interface Counts {
  tables: number;
  paragraphs: number;
}

/** Scratch content whose counts are set once the insertion is done. */
export interface CountedScratch extends Scratch {
  tablesAdded: number;
  paragraphsAdded: number;
}

// eslint-disable-next-line no-control-regex -- U+0007 is the end-of-cell mark
const END_MARKS = /[\r\u0007]+$/;

/** A cell's or paragraph's text without the end marks the host leaves on it. */
export const stripMarks = (text: string) => text.replace(END_MARKS, "");

/** A paragraph the removal may delete: one of our texts, or an empty one the insertion left. */
export const isScratchText = (text: string) => text === "" || text.includes(SCRATCH_MARK);

/**
 * Inserts the scratch content and counts what it added. Whatever fails, what there is of the
 * content is removed before the failure goes on to the runner.
 */
export async function insertScratch<S extends CountedScratch>(
  scratch: S,
  before: Counts,
  insert: () => Promise<void>,
  count: () => Promise<Counts>,
): Promise<S> {
  try {
    await insert();
    const after = await count();
    scratch.tablesAdded = after.tables - before.tables;
    scratch.paragraphsAdded = after.paragraphs - before.paragraphs;
    return scratch;
  } catch (error) {
    await scratch.remove().catch(() => undefined);
    throw error;
  }
}

export interface RemovalSteps {
  /** Deletes the tables after those there before. */
  deleteTables: () => unknown;
  /** Deletes the paragraphs after those there before that isScratchText accepts. */
  deleteParagraphs: () => unknown;
  /** Switches revision tracking back on; absent when the insertion did not switch it off. */
  restoreTracking?: () => unknown;
  /**
   * Counts again, with the texts of the paragraphs at the end from the one that was last before
   * the insertion (it may have taken in inserted text).
   */
  recount: () => Promise<Counts & { endTexts: string[] }>;
}

/**
 * Removes scratch content: each step runs even after an earlier one failed, then the document
 * is counted again. Rejects, saying what is left, unless it is as it was before.
 */
export async function removeScratch(before: Counts, steps: RemovalSteps): Promise<void> {
  const failures: string[] = [];
  for (const step of [steps.deleteTables, steps.deleteParagraphs, steps.restoreTracking]) {
    if (!step) continue;
    try {
      await step();
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  const after = await steps.recount();
  const marked = after.endTexts.some((text) => text.includes(SCRATCH_MARK));
  leftover(before, after, marked, failures);
}

/** Throws, in words the user can act on, when the scratch content was not all removed. */
function leftover(before: Counts, after: Counts, marked: boolean, failures: string[]): void {
  const tables = after.tables - before.tables;
  const paragraphs = after.paragraphs - before.paragraphs;
  if (tables === 0 && paragraphs === 0 && !marked && failures.length === 0) return;
  const parts = [
    tables !== 0 ? `表格数与运行前相差 ${tables}` : "",
    paragraphs !== 0 ? `段落数与运行前相差 ${paragraphs}` : "",
    marked ? `文末仍有“${SCRATCH_MARK}”字样` : "",
    ...failures.map((f) => `删除时出错：${f}`),
  ].filter(Boolean);
  throw new Error(`${parts.join("，")}。请检查文末，删除自检留下的内容（或撤销）`);
}
