/**
 * The Word host: Office.js behind the pane's interface. Reading takes two round trips up to
 * ten tables, one more per ten tables after that (see read-state.ts); carrying out a mark or clear plan takes two more: one that finds the tables,
 * paragraphs, comments and ledger part it touches and reads the text of every cell it is about
 * to write (cell-locator.ts), and one for every write. A cell is written only where it still
 * holds the text we checked; the others are reported. If the writing batch fails part-way, the
 * host finds out what was done, stores the ledger for it and restores track changes, each in a
 * round trip of its own.
 *
 * Without WordApi 1.4 (Word 2021 LTSC and older) there are no comments and track changes cannot
 * be paused; the ledger and ignores then go through the Common API's custom XML parts
 * (common-parts.ts) where that exists, and live for the session only where it does not.
 */
import {
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  ignoresToXml,
  ledgerToXml,
  settleLedger,
  ledgerFromXml,
  ignoresFromXml,
  EMPTY_LEDGER,
  type Anchor,
  type CellWrite,
  type Ignore,
  type Ledger,
  type SkippedWrite,
  type WriteOutcome,
  type WritePlan,
  type DocumentSnapshot,
} from "../../core";
import { cellAt } from "../../core/marks/plan";
import {
  HostError,
  type HostCapabilities,
  type DocumentHost,
  type DocumentState,
  type InsertOutcome,
} from "../host";
import { CellLocator, type VerifiedWrite } from "./cell-locator";
import { CommonPartStore } from "./common-parts";
import { readWordState, type WordTableLayout } from "./read-state";
import type {
  OfficeCustomXmlParts,
  WordCollection,
  WordComment,
  WordParagraph,
  WordRequestContext,
  WordRun,
  WordTable,
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

export interface WordHostOptions {
  run: WordRun;
  /** Office.context.requirements.isSetSupported(set, version). */
  supports(set: string, version: string): boolean;
  /** The Common API's document custom XML parts, where requirement set CustomXmlParts exists. */
  commonParts?: OfficeCustomXmlParts | null;
}

export interface WordCapabilities extends HostCapabilities {
  /** WordApi 1.4's changeTrackingMode; Word 2021 can neither pause nor read it. */
  pausesTracking: boolean;
}

interface LastRead {
  snapshot: DocumentSnapshot;
  tables: WordTableLayout[];
}

export class WordHost implements DocumentHost {
  readonly name = "word";
  readonly capabilities: WordCapabilities;
  private readonly api14: boolean;
  private readonly desktop14: boolean;
  private readonly common: CommonPartStore | null;
  /** A ledger the document could not take (or no storage): kept here for the session. */
  private sessionLedger: Ledger | null = null;
  private sessionIgnores: Ignore[] | null = null;
  /** What the last read saw: the plan's cells are found again from it. */
  private lastRead: LastRead | null = null;

  constructor(private readonly options: WordHostOptions) {
    this.api14 = options.supports("WordApi", "1.4");
    this.desktop14 = options.supports("WordApiDesktop", "1.4");
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
      this.run((context) => readWordState(context, this.api14)),
      this.readCommonParts(),
    ]);
    this.lastRead = { snapshot: read.state.snapshot, tables: read.tables };
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
    const commentWork = this.api14 && plan.removeComments.length + plan.addComments.length > 0;
    const paragraphs = document.body.paragraphs;
    if (commentWork) paragraphs.load("items/tableNestingLevel");
    const existing = commentWork ? document.body.getComments() : null;
    existing?.load("items/content");
    const ledgerParts = this.api14
      ? document.customXmlParts.getByNamespace(LEDGER_NAMESPACE)
      : null;
    ledgerParts?.load("items/id");
    if (this.api14) document.load("changeTrackingMode");
    const locator = this.locatorIn(context);
    locator.queue(plan.cells);
    await context.sync();

    const { verified, skipped } = locator.resolve();
    const tracking = this.api14 ? document.changeTrackingMode : "Off";
    let trackingToRestore: string | null = null;
    let result: { outcome: WriteOutcome; ledger: Ledger };
    try {
      // Our marks are formatting, not edits: never recorded as tracked changes.
      if (tracking !== "Off") {
        document.changeTrackingMode = "Off";
        trackingToRestore = tracking;
      }
      this.shade(verified);
      const removed = deleteComments(existing?.items ?? [], plan.removeComments);
      const bodyParagraphs = commentWork
        ? paragraphs.items.filter((p) => p.tableNestingLevel === 0)
        : [];
      const added: string[] = [];
      if (this.api14) {
        for (const { anchor, text } of plan.addComments) {
          const range = rangeOf(anchor, locator, bodyParagraphs);
          if (!range) continue;
          range.insertComment(text);
          added.push(text);
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
      result = await this.recover(context, plan, verified, skipped, existing);
      if (isNothingDone(plan, result.outcome)) throw error;
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
    if (trackingToRestore) {
      const text = "修订状态未能恢复，请在“审阅”选项卡中检查“修订”是否开启。";
      result.outcome.failure = result.outcome.failure
        ? `${result.outcome.failure}${text}`
        : failureText([text]);
    }
    return result;
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
  ): Promise<{ outcome: WriteOutcome; ledger: Ledger }> {
    const failures: string[] = [];
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
        commentsKept = takeFrom(present, plan.removeComments);
        commentsAdded = takeFrom(present, texts);
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
      try {
        const parts = context.document.customXmlParts.getByNamespace(LEDGER_NAMESPACE);
        parts.load("items/id");
        await context.sync();
        context.document.customXmlParts.add(ledgerToXml(ledger));
        for (const part of parts.items) part.delete();
        await context.sync();
        outcome.ledgerStored = true;
        this.sessionLedger = null;
      } catch {
        this.sessionLedger = ledger;
        failures.push("标记记录未能保存到文档，仅在本次打开期间有效。");
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
    try {
      await this.common.replace(LEDGER_NAMESPACE, ledgerToXml(ledger));
      this.sessionLedger = null;
      return { ...outcome, ledgerStored: true, ...failure };
    } catch {
      this.sessionLedger = ledger;
      const text = "标记记录未能保存到文档，仅在本次打开期间有效。";
      return {
        ...outcome,
        ledgerStored: false,
        failure: failure.failure ? `${failure.failure}${text}` : failureText([text]),
      };
    }
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
  private async cellRange(
    context: WordRequestContext,
    at: { tableIndex: number; rowIndex: number; cellIndex: number },
  ) {
    const locator = this.locatorIn(context);
    const snapshotCell = this.lastRead
      ? cellAt(this.lastRead.snapshot, at.tableIndex, at.rowIndex, at.cellIndex)
      : null;
    locator.queue([{ ...at, shading: null, expectedText: snapshotCell?.text ?? "" }]);
    await context.sync();
    locator.resolve();
    return locator.located(at)?.body.getRange("Whole") ?? null;
  }

  private locatorIn(context: WordRequestContext): CellLocator {
    return new CellLocator(
      tableChain(context.document.body.tables),
      this.lastRead?.snapshot ?? null,
      this.lastRead?.tables ?? [],
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
      for (const part of parts.items) part.delete();
      context.document.customXmlParts.add(ignoresToXml(ignores));
      await context.sync();
    });
  }

  private async readCommonParts(): Promise<{ ledger: Ledger; ignores: Ignore[] } | null> {
    if (!this.common) return null;
    try {
      const [ledgerXml, ignoresXml] = await Promise.all([
        this.common.read(LEDGER_NAMESPACE),
        this.common.read(IGNORES_NAMESPACE),
      ]);
      return {
        ledger: (ledgerXml ? ledgerFromXml(ledgerXml) : null) ?? EMPTY_LEDGER,
        ignores: (ignoresXml ? ignoresFromXml(ignoresXml) : null) ?? [],
      };
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

/** The tables in Word's order, reached one after the other without loading the collection. */
function tableChain(tables: WordTableCollection): (position: number) => WordTable {
  const chain: WordTable[] = [];
  return (position) => {
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

function rangeOf(anchor: Anchor, locator: CellLocator, paragraphs: WordParagraph[]) {
  if (anchor.kind === "paragraph") return paragraphs[anchor.paragraphIndex]?.getRange("Whole");
  return locator
    .cellForComment(anchor.tableIndex, anchor.rowIndex, anchor.cellIndex)
    ?.body.getRange("Whole");
}

/** Queues the deletion of one comment per text; returns the texts whose comment was found. */
function deleteComments(comments: WordComment[], texts: string[]): string[] {
  const remaining = [...texts];
  const removed: string[] = [];
  for (const comment of comments) {
    const at = remaining.indexOf(comment.content);
    if (at < 0) continue;
    removed.push(...remaining.splice(at, 1));
    comment.delete();
  }
  return removed;
}

function without(texts: string[], removed: string[]): string[] {
  const left = [...removed];
  return texts.filter((t) => {
    const at = left.indexOf(t);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/** The entries of wanted found in present, each present text used once. */
function takeFrom(present: string[], wanted: string[]): string[] {
  const pool = [...present];
  return wanted.filter((t) => {
    const at = pool.indexOf(t);
    if (at < 0) return false;
    pool.splice(at, 1);
    return true;
  });
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
