/**
 * The Word host: Office.js behind the pane's interface. Reading takes two round trips (see
 * read-state.ts); carrying out a mark or clear plan takes two more, one to find the tables,
 * paragraphs, comments and ledger part it touches and one for every write. Without WordApi 1.4
 * there are no comments or custom XML parts: the ledger and ignores then live for the session
 * only, and the pane says so.
 */
import {
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  ignoresToXml,
  ledgerToXml,
  type Anchor,
  type Ignore,
  type Ledger,
  type WriteOutcome,
  type WritePlan,
  settleLedger,
} from "../../core";
import { HostError, type DocumentHost, type DocumentState, type InsertOutcome } from "../host";
import { readWordState } from "./read-state";
import type { WordParagraph, WordRequestContext, WordRun, WordTable } from "./word-api";

/**
 * Word cannot remove a cell's shading through its API (office-js issue 5460): a cell that had
 * none gets white back, which prints the same; the ledger remembers it as the cell's own.
 */
export const WORD_NO_SHADING = "#FFFFFF";

export interface WordHostOptions {
  run: WordRun;
  /** Office.context.requirements.isSetSupported("WordApi", version). */
  supports(version: string): boolean;
}

export class WordHost implements DocumentHost {
  readonly name = "word";
  readonly capabilities;
  /** Without WordApi 1.4 the ledger and ignores are kept here, for this session only. */
  private sessionLedger: Ledger | null = null;
  private sessionIgnores: Ignore[] = [];

  constructor(private readonly options: WordHostOptions) {
    const has14 = options.supports("1.4");
    this.capabilities = { comments: has14, documentStorage: has14 };
  }

  async read(): Promise<DocumentState> {
    const state = await this.run((context) =>
      readWordState(context, this.capabilities.documentStorage),
    );
    if (this.capabilities.documentStorage) return state;
    return {
      ...state,
      ledger: this.sessionLedger ?? state.ledger,
      ignores: this.sessionIgnores,
    };
  }

  async write(plan: WritePlan): Promise<WriteOutcome> {
    const { comments, documentStorage } = this.capabilities;
    return this.run(async (context) => {
      const { document } = context;
      const tables = document.body.tables;
      tables.load("items/nestingLevel");
      const paragraphs = document.body.paragraphs;
      paragraphs.load("items/tableNestingLevel");
      const existing =
        comments && plan.removeComments.length > 0 ? document.body.getComments() : null;
      existing?.load("items/content");
      const ledgerParts = documentStorage
        ? document.customXmlParts.getByNamespace(LEDGER_NAMESPACE)
        : null;
      ledgerParts?.load("items/id");
      if (documentStorage) document.load("changeTrackingMode");
      await context.sync();

      // Our marks are formatting, not edits: never recorded as tracked changes.
      const tracking = documentStorage ? document.changeTrackingMode : "Off";
      if (tracking !== "Off") document.changeTrackingMode = "Off";
      const topLevel = tables.items.filter((t) => t.nestingLevel === 1);
      const bodyParagraphs = paragraphs.items.filter((p) => p.tableNestingLevel === 0);
      for (const write of plan.cells) {
        const table = topLevel[write.tableIndex];
        if (!table) continue;
        table.getCell(write.rowIndex, write.cellIndex).shadingColor =
          write.shading ?? WORD_NO_SHADING;
      }
      if (existing) {
        const remaining = [...plan.removeComments];
        for (const comment of existing.items) {
          const at = remaining.indexOf(comment.content);
          if (at < 0) continue;
          remaining.splice(at, 1);
          comment.delete();
        }
      }
      if (comments) {
        for (const { anchor, text } of plan.addComments) {
          rangeOf(anchor, topLevel, bodyParagraphs)?.insertComment(text);
        }
      }
      // Interim: every write is taken as done until the verified write lands (issue 12).
      const outcome: WriteOutcome = {
        written: [...plan.cells],
        skipped: [],
        commentsAdded: comments ? plan.addComments.map((c) => c.text) : [],
        commentsKept: [],
        ledgerStored: ledgerParts !== null,
      };
      const ledger = settleLedger(plan, outcome);
      if (ledgerParts) {
        for (const part of ledgerParts.items) part.delete();
        document.customXmlParts.add(ledgerToXml(ledger));
      } else this.sessionLedger = ledger;
      if (tracking !== "Off") document.changeTrackingMode = tracking;
      await context.sync();
      return outcome;
    });
  }

  async select(anchor: Anchor): Promise<boolean> {
    return this.run(async (context) => {
      const { tables, paragraphs } = context.document.body;
      if (anchor.kind === "cell") tables.load("items/nestingLevel,items/rowCount");
      else paragraphs.load("items/tableNestingLevel");
      await context.sync();
      const topLevel =
        anchor.kind === "cell" ? tables.items.filter((t) => t.nestingLevel === 1) : [];
      const bodyParagraphs =
        anchor.kind === "paragraph"
          ? paragraphs.items.filter((p) => p.tableNestingLevel === 0)
          : [];
      if (anchor.kind === "cell" && (topLevel[anchor.tableIndex]?.rowCount ?? 0) <= anchor.rowIndex)
        return false;
      const range = rangeOf(anchor, topLevel, bodyParagraphs);
      if (!range) return false;
      range.select();
      try {
        await context.sync();
        return true;
      } catch {
        // The cell index no longer exists in that row: the document changed since the check.
        return false;
      }
    });
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
    if (!this.capabilities.documentStorage) {
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

  private async run<T>(batch: (context: WordRequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.options.run(batch);
    } catch (error) {
      throw new HostError(
        "Word 未能完成此操作（文档可能正被编辑或已关闭）。请稍后重试；如反复出现，请保存文档后重新打开。",
        error,
      );
    }
  }
}

function outer(table: WordTable): WordTable {
  const parent = table.parentTableOrNullObject;
  parent.load("nestingLevel");
  return parent;
}

function rangeOf(anchor: Anchor, topLevel: WordTable[], paragraphs: WordParagraph[]) {
  if (anchor.kind === "paragraph") return paragraphs[anchor.paragraphIndex]?.getRange("Whole");
  return topLevel[anchor.tableIndex]
    ?.getCell(anchor.rowIndex, anchor.cellIndex)
    .body.getRange("Whole");
}
