/**
 * The Word host: Office.js behind the pane's interface. Reading takes two round trips up to
 * ten tables, one more per ten tables after that (see read-state.ts); carrying out a mark or clear plan takes two more: one that finds the tables,
 * paragraphs, comments and ledger part it touches and reads the text of every cell it is about
 * to write (cell-locator.ts), and one for every write. A cell is written only where it still
 * holds the text we checked; the others are reported. If the writing batch fails part-way, the
 * host finds out what was done, stores the ledger for it and restores track changes, each in a
 * round trip of its own; once anything was changed, a write resolves with what was done and a
 * Chinese failure text, never rejects. Comments go only where their cell or paragraph still
 * holds the text we read; the others are counted in the failure text.
 *
 * Without WordApi 1.4 (Word 2021 LTSC and older) there are no comments and track changes cannot
 * be paused; the ledger and ignores then go through the Common API's custom XML parts
 * (common-parts.ts) where that exists, and live for the session only where it does not.
 */
import {
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  ignoresToXml,
  findOurComments,
  ledgerToXml,
  settleLedger,
  type Anchor,
  type CellWrite,
  type CommentWrite,
  type Ignore,
  type Ledger,
  type SkippedWrite,
  type WriteOutcome,
  type WritePlan,
  type DocumentSnapshot,
  anchorPosition,
  cellAtAnchor,
  type CellAnchor,
} from "../../core";
import {
  HostError,
  type HostCapabilities,
  type DocumentHost,
  type DocumentState,
  type InsertOutcome,
} from "../host";
import { CellLocator, type VerifiedWrite } from "./cell-locator";
import { CommonPartStore } from "./common-parts";
import { storedState } from "../stored-parts";
import { readWordState, type WordTableLayout } from "./read-state";
import type {
  OfficeCustomXmlParts,
  WordCollection,
  WordComment,
  WordParagraph,
  WordRequestContext,
  WordRun,
  WordCustomXmlPart,
  WordTable,
  WordTableCell,
  WordTableCollection,
} from "./word-api";

/**
 * What a cell that had no shading gets back where Word cannot remove shading (office-js issue
 * 5460; WordApiDesktop 1.4's backgroundPatternColorIndex "Auto" is used where it exists).
 * White looks the same on a plain table, but it hides a fill the table style gives the cell.
 */
export const WORD_NO_SHADING = "#FFFFFF";

const FAILED =
  "Word 未能完成此操作（文档可能正被编辑或已关闭）。请稍后重试；如反复出现，请保存文档后重新打开。";
const TRACKING_NOT_RESTORED =
  "修订状态未能恢复：“修订”未能重新打开，请在“审阅”选项卡中重新打开“修订”。";
const OLD_LEDGER_LEFT = "旧的标记记录未能删除（读取时会与新记录合并）。";

interface Located {
  verified: VerifiedWrite[];
  skipped: SkippedWrite[];
  existing: WordCollection<WordComment> | null;
  /** The paragraphs outside tables, loaded when there is comment work. */
  bodyParagraphs: WordParagraph[];
  /** The cells our cell comments go in, where each holds the text we read. */
  commentCells: Map<CommentWrite, WordTableCell>;
  ledgerParts: WordCollection<WordCustomXmlPart> | null;
  tracking: string;
}

export interface WordHostOptions {
  run: WordRun;
  /** Office.context.requirements.isSetSupported(set, version). */
  supports(set: string, version: string): boolean;
  /** The Common API's document custom XML parts, where requirement set CustomXmlParts exists. */
  commonParts?: OfficeCustomXmlParts | null;
  /** The body package's budget in characters (body-package.ts); for tests. */
  packageBudget?: number;
}

export interface WordCapabilities extends HostCapabilities {
  /** WordApi 1.4's changeTrackingMode; Word 2021 can neither pause nor read it. */
  pausesTracking: boolean;
}

interface LastRead {
  snapshot: DocumentSnapshot;
  tables: WordTableLayout[];
  /** body.tables' length, nested tables included. */
  tableCount: number;
  /** Each body paragraph's Paragraph.text as read (the snapshot's may leave hidden text out). */
  paragraphTexts: string[];
}

export class WordHost implements DocumentHost {
  readonly name = "word";
  readonly capabilities: WordCapabilities;
  private readonly api14: boolean;
  private readonly desktop14: boolean;
  /** WordApi 1.7: Paragraph.getText, documented to leave hidden text out. */
  private readonly api17: boolean;
  private readonly common: CommonPartStore | null;
  /** A ledger the document could not take (or no storage): kept here for the session. */
  private sessionLedger: Ledger | null = null;
  private sessionIgnores: Ignore[] | null = null;
  /** What the last read saw: the plan's cells are found again from it. */
  private lastRead: LastRead | null = null;

  constructor(private readonly options: WordHostOptions) {
    this.api14 = options.supports("WordApi", "1.4");
    this.desktop14 = options.supports("WordApiDesktop", "1.4");
    this.api17 = options.supports("WordApi", "1.7");
    this.common =
      !this.api14 && options.commonParts ? new CommonPartStore(options.commonParts) : null;
    this.capabilities = {
      comments: this.api14,
      documentStorage: this.api14 || this.common !== null,
      pausesTracking: this.api14,
    };
  }

  async read(): Promise<DocumentState> {
    const [read, stored] = await Promise.all([
      this.run((context) =>
        readWordState(context, {
          documentStorage: this.api14,
          paragraphGetText: this.api17,
          ...(this.options.packageBudget !== undefined && {
            packageBudget: this.options.packageBudget,
          }),
        }),
      ),
      this.readCommonParts(),
    ]);
    this.lastRead = {
      snapshot: read.state.snapshot,
      tables: read.tables,
      tableCount: read.tableCount,
      paragraphTexts: read.paragraphTexts,
    };
    const state = stored ? { ...read.state, ...stored } : read.state;
    return {
      ...state,
      ledger: this.sessionLedger ?? state.ledger,
      ignores: this.sessionIgnores ?? state.ignores,
    };
  }

  async write(plan: WritePlan): Promise<WriteOutcome> {
    const result = await this.run((context) => this.writeInWord(context, plan));
    if (this.api14) return result.outcome;
    return this.storeOutside(result.ledger, result.outcome);
  }

  private async writeInWord(
    context: WordRequestContext,
    plan: WritePlan,
  ): Promise<{ outcome: WriteOutcome; ledger: Ledger }> {
    const { document } = context;
    let found: Located;
    try {
      found = await this.locate(context, plan, false);
    } catch {
      // A method called on a table that turned out to be a null object can fail the whole
      // batch (what Word does then is undocumented): once more, each table at its ordinal only.
      found = await this.locate(context, plan, true);
    }
    const { verified, skipped, existing, bodyParagraphs, commentCells, ledgerParts } = found;
    const tracking = found.tracking;
    let trackingToRestore: string | null = null;
    let result: { outcome: WriteOutcome; ledger: Ledger } | null = null;
    let refused: unknown = null;
    let unplaced = 0;
    try {
      // Our marks are formatting, not edits: never recorded as tracked changes.
      if (tracking !== "Off") {
        document.changeTrackingMode = "Off";
        trackingToRestore = tracking;
      }
      this.shade(verified);
      const removed = deleteComments(existing?.items ?? [], plan.removeComments);
      const added: string[] = [];
      if (this.api14) {
        for (const comment of plan.addComments) {
          const range = rangeOf(comment, commentCells, bodyParagraphs, this.lastRead);
          if (!range) {
            unplaced++;
            continue;
          }
          range.insertComment(comment.text);
          added.push(comment.text);
        }
      }
      const outcome: WriteOutcome = {
        written: verified.map((v) => v.write),
        skipped,
        commentsAdded: added,
        commentsKept: without(plan.removeComments, removed),
        ledgerStored: this.api14,
      };
      const ledger = settleLedger(plan, outcome);
      if (ledgerParts) {
        document.customXmlParts.add(ledgerToXml(ledger));
        for (const part of ledgerParts.items) part.delete();
      }
      if (trackingToRestore) document.changeTrackingMode = trackingToRestore;
      await context.sync();
      trackingToRestore = null;
      if (this.api14) this.sessionLedger = null;
      result = { outcome, ledger };
    } catch (error) {
      result = await this.recover(context, plan, verified, skipped, existing, unplaced);
      if (isNothingDone(plan, result.outcome)) refused = error;
    } finally {
      // Restored in a round trip of its own: whatever failed above, 修订 is back as it was.
      if (trackingToRestore) {
        const mode = trackingToRestore;
        try {
          document.changeTrackingMode = mode;
          await context.sync();
          trackingToRestore = null;
        } catch {
          // reported below
        }
      }
    }
    if (refused !== null) {
      if (trackingToRestore) throw new HostError(`${FAILED}${TRACKING_NOT_RESTORED}`, refused);
      throw refused instanceof Error ? refused : new HostError(FAILED, refused);
    }
    const failures: string[] = [];
    // recover() has reported the comments it could not place.
    if (unplaced > 0 && !result.outcome.failure)
      failures.push(`${unplaced} 条批注的位置已变动，未添加。`);
    if (trackingToRestore) failures.push(TRACKING_NOT_RESTORED);
    if (failures.length > 0)
      result.outcome.failure = result.outcome.failure
        ? `${result.outcome.failure}${failures.join("")}`
        : failureText(failures);
    return result;
  }

  /**
   * The first round trip of a write: the plan's cells and the cells our comments go in, each
   * checked against the text we read, the paragraphs, our comments, the ledger parts and 修订.
   */
  private async locate(
    context: WordRequestContext,
    plan: WritePlan,
    ordinalOnly: boolean,
  ): Promise<Located> {
    const { document } = context;
    const commentWork = this.api14 && plan.removeComments.length + plan.addComments.length > 0;
    const paragraphs = document.body.paragraphs;
    if (commentWork) paragraphs.load("items/tableNestingLevel,items/text");
    const existing = commentWork ? document.body.getComments() : null;
    existing?.load("items/content,items/authorName");
    const ledgerParts = this.api14
      ? document.customXmlParts.getByNamespace(LEDGER_NAMESPACE)
      : null;
    ledgerParts?.load("items/id");
    if (this.api14) document.load("changeTrackingMode");
    const locator = this.locatorIn(context, ordinalOnly);
    // A comment goes in a cell only where the cell holds the text we read, as shading does.
    const snapshot = this.lastRead?.snapshot ?? null;
    const commentChecks = new Map<CommentWrite, CellWrite>();
    if (this.api14)
      for (const comment of plan.addComments) {
        const { anchor } = comment;
        if (anchor.kind !== "cell" || !snapshot) continue;
        const read = cellAtAnchor(snapshot, anchor);
        if (!read) continue;
        commentChecks.set(comment, {
          ...anchorPosition(anchor),
          shading: null,
          expectedText: read.text,
        });
      }
    const checks = new Set(commentChecks.values());
    locator.queue([...plan.cells, ...checks]);
    await context.sync();
    await locator.followNesting(() => context.sync());

    const resolved = locator.resolve();
    const commentCells = new Map<CommentWrite, WordTableCell>();
    for (const [comment, check] of commentChecks) {
      const cell = resolved.verified.find((v) => v.write === check)?.cell;
      if (cell) commentCells.set(comment, cell);
    }
    return {
      verified: resolved.verified.filter((v) => !checks.has(v.write)),
      skipped: resolved.skipped.filter((s) => !checks.has(s.write)),
      existing,
      bodyParagraphs: commentWork ? paragraphs.items.filter((p) => p.tableNestingLevel === 0) : [],
      commentCells,
      ledgerParts,
      tracking: this.api14 ? document.changeTrackingMode : "Off",
    };
  }

  /**
   * After the writing batch failed somewhere: shade again (shading is idempotent), see which of
   * our comments exist, and store the ledger for that, each in a round trip of its own. Cells
   * whose shading is still uncertain are recorded both ways (the new mark and the old one), so
   * 清除标记 can restore whichever it finds.
   */
  private async recover(
    context: WordRequestContext,
    plan: WritePlan,
    verified: VerifiedWrite[],
    skipped: SkippedWrite[],
    existing: WordCollection<WordComment> | null,
    unplaced: number,
  ): Promise<{ outcome: WriteOutcome; ledger: Ledger }> {
    const failures: string[] = [];
    if (unplaced > 0) failures.push(`${unplaced} 条批注的位置已变动，未添加。`);
    let shaded = verified.length === 0;
    if (!shaded) {
      try {
        this.shade(verified);
        await context.sync();
        shaded = true;
      } catch {
        failures.push("部分单元格可能未着色或未恢复原色，已按可能写入的情况记录。");
      }
    }
    let commentsAdded: string[] = [];
    let commentsKept = [...plan.removeComments];
    if (existing) {
      const texts = plan.addComments.map((c) => c.text);
      try {
        const now = context.document.body.getComments();
        now.load("items/content");
        await context.sync();
        const present = now.items.map((c) => c.content);
        // One pool: a comment present once is either one we failed to delete or one we added.
        const pool = [...present];
        commentsKept = takeFrom(pool, plan.removeComments);
        commentsAdded = takeFrom(pool, texts);
        if (commentsAdded.length < texts.length) failures.push("部分批注未能添加。");
        if (commentsKept.length > 0) failures.push("部分原有批注未能删除。");
      } catch {
        commentsAdded = texts;
        failures.push("批注可能未全部添加或删除。");
      }
    }
    const uncertain = shaded ? [] : verified.map((v) => v.write);
    const outcome: WriteOutcome = {
      written: shaded ? verified.map((v) => v.write) : [],
      skipped: [...skipped, ...uncertain.map((write) => ({ write, reason: "failed" as const }))],
      commentsAdded,
      commentsKept,
      ledgerStored: false,
    };
    const settled = settleLedger(plan, outcome);
    const ledger: Ledger = {
      ...settled,
      cells: [...settled.cells, ...uncertain.flatMap((w: CellWrite) => (w.marks ? [w.marks] : []))],
    };
    if (this.api14) {
      let earlier: WordCustomXmlPart[] = [];
      try {
        const parts = context.document.customXmlParts.getByNamespace(LEDGER_NAMESPACE);
        parts.load("items/id");
        await context.sync();
        earlier = parts.items;
        context.document.customXmlParts.add(ledgerToXml(ledger));
        await context.sync();
        outcome.ledgerStored = true;
        this.sessionLedger = null;
      } catch {
        this.sessionLedger = ledger;
        failures.push("标记记录未能保存到文档，仅在本次打开期间有效。");
      }
      if (outcome.ledgerStored) {
        // The new part is in: an older one left behind is merged in when read (mergeLedgerParts).
        try {
          for (const part of earlier) part.delete();
          await context.sync();
        } catch {
          failures.push(OLD_LEDGER_LEFT);
        }
      }
    }
    if (failures.length === 0) failures.push("部分操作未能完成。");
    outcome.failure = failureText(failures);
    return { outcome, ledger };
  }

  /** Without WordApi 1.4: the ledger into the Common API's parts, or the session. */
  private async storeOutside(ledger: Ledger, outcome: WriteOutcome): Promise<WriteOutcome> {
    const failure = outcome.failure ? { failure: outcome.failure } : {};
    if (!this.common) {
      this.sessionLedger = ledger;
      return { ...outcome, ledgerStored: false, ...failure };
    }
    let cleaned: boolean;
    try {
      cleaned = await this.common.replace(LEDGER_NAMESPACE, ledgerToXml(ledger));
    } catch {
      this.sessionLedger = ledger;
      const text = "标记记录未能保存到文档，仅在本次打开期间有效。";
      return {
        ...outcome,
        ledgerStored: false,
        failure: failure.failure ? `${failure.failure}${text}` : failureText([text]),
      };
    }
    this.sessionLedger = null;
    if (cleaned) return { ...outcome, ledgerStored: true, ...failure };
    return {
      ...outcome,
      ledgerStored: true,
      failure: failure.failure
        ? `${failure.failure}${OLD_LEDGER_LEFT}`
        : failureText([OLD_LEDGER_LEFT]),
    };
  }

  private shade(verified: VerifiedWrite[]): void {
    for (const { write, cell } of verified) {
      if (write.shading) cell.shadingColor = write.shading;
      else if (this.desktop14) cell.shading.backgroundPatternColorIndex = "Auto";
      else cell.shadingColor = WORD_NO_SHADING;
    }
  }

  async select(anchor: Anchor): Promise<boolean> {
    // Cells are found by their text, which the last read holds: read once if nothing was read.
    if (anchor.kind === "cell" && !this.lastRead) await this.read();
    return this.run(async (context) => {
      const range =
        anchor.kind === "cell"
          ? await this.cellRange(context, anchor)
          : await paragraphRange(context, anchor.paragraphIndex);
      if (!range) return false;
      range.select();
      try {
        await context.sync();
        return true;
      } catch {
        // The cell or paragraph is gone: the document changed since the check.
        return false;
      }
    });
  }

  /** The cell's range, found as writes find it (the user may have corrected its figure since). */
  private async cellRange(context: WordRequestContext, anchor: CellAnchor) {
    const at = anchorPosition(anchor);
    const locator = this.locatorIn(context);
    const snapshotCell = this.lastRead ? cellAtAnchor(this.lastRead.snapshot, at) : null;
    locator.queue([{ ...at, shading: null, expectedText: snapshotCell?.text ?? "" }]);
    await context.sync();
    await locator.followNesting(() => context.sync());
    locator.resolve();
    return locator.located(at)?.body.getRange("Whole") ?? null;
  }

  private locatorIn(context: WordRequestContext, ordinalOnly = false): CellLocator {
    return new CellLocator(
      tableChain(context.document.body.tables, this.lastRead?.tableCount ?? Infinity),
      this.lastRead?.snapshot ?? null,
      this.lastRead?.tables ?? [],
      ordinalOnly,
    );
  }

  async insert(flatOpc: string): Promise<InsertOutcome> {
    return this.run(async (context) => {
      const selection = context.document.getSelection();
      let table = selection.parentTableOrNullObject;
      table.load("nestingLevel");
      const paragraph = selection.paragraphs.getLast();
      await context.sync();
      if (table.isNullObject) {
        paragraph.getRange("Whole").insertOoxml(flatOpc, "After");
        await context.sync();
        return { placement: "cursor" };
      }
      // Inside a table, never into a cell: after the outermost table holding the cursor.
      while (table.nestingLevel > 1) {
        table = outer(table);
        await context.sync();
      }
      table.getRange("Whole").insertOoxml(flatOpc, "After");
      await context.sync();
      return { placement: "after-table" };
    });
  }

  async saveIgnores(ignores: Ignore[]): Promise<void> {
    if (this.common) {
      try {
        await this.common.replace(IGNORES_NAMESPACE, ignoresToXml(ignores));
        this.sessionIgnores = null;
      } catch (error) {
        throw new HostError("未能把忽略设置保存到文档。请稍后重试。", error);
      }
      return;
    }
    if (!this.api14) {
      this.sessionIgnores = ignores;
      return;
    }
    await this.run(async (context) => {
      const parts = context.document.customXmlParts.getByNamespace(IGNORES_NAMESPACE);
      parts.load("items/id");
      await context.sync();
      // Added before the earlier parts are deleted: a failure never leaves none. Once added,
      // the ignores are saved (the last part is the one read); an earlier part left is harmless.
      context.document.customXmlParts.add(ignoresToXml(ignores));
      await context.sync();
      if (parts.items.length === 0) return;
      for (const part of parts.items) part.delete();
      await context.sync().catch(() => undefined);
    });
  }

  private async readCommonParts(): Promise<{ ledger: Ledger; ignores: Ignore[] } | null> {
    if (!this.common) return null;
    try {
      const [ledgerXml, ignoresXml] = await Promise.all([
        this.common.readAll(LEDGER_NAMESPACE),
        this.common.readAll(IGNORES_NAMESPACE),
      ]);
      return storedState({ ledger: ledgerXml, ignores: ignoresXml }, "added");
    } catch (error) {
      throw new HostError("未能读取文档中保存的标记记录和忽略设置。请稍后重试。", error);
    }
  }

  private async run<T>(batch: (context: WordRequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.options.run(batch);
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw new HostError(FAILED, error);
    }
  }
}

/**
 * The tables in Word's order, reached one after the other without loading the collection. The
 * chain stops at the number of tables the last read counted: no method is ever called on the
 * null object past the last table (what Word does then is not documented).
 */
function tableChain(
  tables: WordTableCollection,
  count: number,
): (position: number) => WordTable | null {
  const chain: WordTable[] = [];
  return (position) => {
    if (position >= count) return null;
    while (chain.length <= position) {
      const last = chain[chain.length - 1];
      chain.push(last ? last.getNextOrNullObject() : tables.getFirstOrNullObject());
    }
    return chain[position] as WordTable;
  };
}

async function paragraphRange(context: WordRequestContext, paragraphIndex: number) {
  const { paragraphs } = context.document.body;
  paragraphs.load("items/tableNestingLevel");
  await context.sync();
  return paragraphs.items
    .filter((p) => p.tableNestingLevel === 0)
    [paragraphIndex]?.getRange("Whole");
}

function outer(table: WordTable): WordTable {
  const parent = table.parentTableOrNullObject;
  parent.load("nestingLevel");
  return parent;
}

/**
 * Where a comment goes: its cell, checked when located, or its paragraph if Word still gives the
 * text it gave when read (Paragraph.text then, not the snapshot's text, which may leave hidden
 * and placeholder text out).
 */
function rangeOf(
  comment: CommentWrite,
  cells: Map<CommentWrite, WordTableCell>,
  paragraphs: WordParagraph[],
  lastRead: LastRead | null,
) {
  const { anchor } = comment;
  if (anchor.kind === "cell") return cells.get(comment)?.body.getRange("Whole") ?? null;
  const paragraph = paragraphs[anchor.paragraphIndex];
  const read = lastRead?.paragraphTexts[anchor.paragraphIndex];
  if (!paragraph || (read !== undefined && read !== paragraph.text)) return null;
  return paragraph.getRange("Whole");
}

/**
 * Queues the deletion of one comment per recorded text (findOurComments: Word signs every
 * comment with the user's name, so the author only decides between equal texts); returns the
 * texts whose comment was found.
 */
function deleteComments(comments: WordComment[], texts: string[]): string[] {
  const existing = comments.map((c) => ({ text: c.content, author: c.authorName }));
  const { found } = findOurComments(existing, texts);
  for (const { index } of found) comments[index]?.delete();
  return found.map((f) => f.text);
}

/** Takes one entry equal to text out of the pool; whether there was one. */
function take(pool: string[], text: string): boolean {
  const at = pool.indexOf(text);
  if (at >= 0) pool.splice(at, 1);
  return at >= 0;
}

/** The texts left once each removed one took out one equal text. */
function without(texts: string[], removed: string[]): string[] {
  const left = [...removed];
  return texts.filter((t) => !take(left, t));
}

/** The entries of wanted found in the pool, each taken out of it once used. */
function takeFrom(pool: string[], wanted: string[]): string[] {
  return wanted.filter((t) => take(pool, t));
}

function isNothingDone(plan: WritePlan, outcome: WriteOutcome): boolean {
  return (
    outcome.written.length === 0 &&
    !outcome.skipped.some((s) => s.reason === "failed") &&
    outcome.commentsAdded.length === 0 &&
    outcome.commentsKept.length === plan.removeComments.length &&
    !outcome.ledgerStored
  );
}

function failureText(parts: string[]): string {
  return `Word 未能完成全部标记：${parts.join("")}`;
}
