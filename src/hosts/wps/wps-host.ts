/**
 * The WPS host: the WPS 文字 JSAPI behind the pane's interface. Reading is read-state.ts.
 * Every cell is proved by its text before it is shaded (cell-locator.ts). Marks, comments and
 * the ledger are written inside one undo record where WPS has one, with revision tracking
 * paused and restored whatever happens, so 撤销 takes them back in one step.
 */
import {
  ignoresToXml,
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  ledgerToXml,
  readDocument,
  settleLedger,
  type Anchor,
  type CellWrite,
  type DocumentSnapshot,
  type Ignore,
  type Ledger,
  type WriteOutcome,
  type WritePlan,
} from "../../core";
import { HostError, type DocumentHost, type DocumentState, type InsertOutcome } from "../host";
import { AnchorFinder } from "./anchor-finder";
import { insertByBuilding } from "./build-fallback";
import { CellLocator } from "./cell-locator";
import { shadingToWps } from "./colors";
import { addComment, removeOurComments } from "./comments";
import { partStore, replacePart } from "./custom-parts";
import { readWpsState } from "./read-state";
import {
  WD_COLLAPSE_END,
  WD_WITHIN_TABLE,
  type WpsApplication,
  type WpsDocument,
  type WpsRange,
  type WpsSelection,
  type WpsTable,
} from "./wps-api";

export class WpsHost implements DocumentHost {
  readonly name = "wps";
  /** What the last read saw: writes and selections prove their cells against it. */
  private snapshot: DocumentSnapshot | null = null;
  /** Where the last read found each body table in Document.Tables. */
  private tablePositions: number[] = [];
  /** A ledger or ignores the document could not take (or has no parts for): this session's. */
  private sessionLedger: Ledger | null = null;
  private sessionIgnores: Ignore[] | null = null;

  constructor(private readonly app: WpsApplication) {}

  /** Feature-detected on the open document: a build without CustomXMLParts keeps no ledger. */
  get capabilities() {
    let storage = false;
    try {
      const doc = this.app.ActiveDocument;
      storage = doc ? partStore(doc) !== null : true;
    } catch {
      storage = false;
    }
    return { comments: true, documentStorage: storage };
  }

  async read(): Promise<DocumentState> {
    const { state, tablePositions } = await readWpsState(this.document());
    this.snapshot = state.snapshot;
    this.tablePositions = tablePositions;
    return {
      snapshot: state.snapshot,
      ledger: this.sessionLedger ?? state.ledger,
      ignores: this.sessionIgnores ?? state.ignores,
    };
  }

  /**
   * Each step runs on its own: a cell WPS refuses is skipped, a failing comment or ledger call
   * is reported, and whatever happens the ledger records the cells actually shaded and the
   * revision tracking is switched back on.
   */
  async write(plan: WritePlan): Promise<WriteOutcome> {
    const doc = this.document();
    const outcome: WriteOutcome = {
      written: [],
      skipped: [],
      commentsAdded: [],
      commentsKept: [],
      ledgerStored: false,
    };
    const failures: { message: string; cause: unknown }[] = [];
    const fail = (message: string) => (cause: unknown) => {
      console.warn(`nianbao: ${message}`, cause);
      failures.push({ message, cause });
    };
    const locator = this.locator(doc);
    const store = partStore(doc);
    const earlierSessionLedger = this.sessionLedger;
    let removed = 0;
    const { restoreError } = this.edit("年报校核：标记", doc, () => {
      for (const write of plan.cells) writeCell(locator, write, outcome);
      const removal = { deleted: 0, kept: [] as string[] };
      attempt(
        () => removeOurComments(doc, plan.removeComments, removal),
        fail("未能删除原有的批注，已保留在文档中。"),
      );
      removed = removal.deleted;
      outcome.commentsKept.push(...removal.kept);
      const anchors = new AnchorFinder(doc, locator, this.snapshot);
      let refused = 0;
      let unplaced = 0;
      let lastError: unknown = null;
      for (const { anchor, text } of plan.addComments) {
        try {
          if (addComment(doc, anchors, anchor, text)) outcome.commentsAdded.push(text);
          else unplaced++;
        } catch (error) {
          refused++;
          lastError = error;
        }
      }
      if (refused > 0) fail(`有 ${refused} 条批注未能添加。`)(lastError);
      if (unplaced > 0) fail(`有 ${unplaced} 条批注所在的单元格或段落已变动，未添加。`)(null);
      const ledger = settleLedger(plan, outcome);
      this.sessionLedger = ledger;
      if (!store) return;
      attempt(() => {
        // Stored the moment the new part is in: a stale part left behind is merged on read.
        const replaced = replacePart(store, LEDGER_NAMESPACE, ledgerToXml(ledger), () => {
          outcome.ledgerStored = true;
          this.sessionLedger = null;
        });
        if (replaced.staleLeft)
          fail("旧的标记记录未能从文档中删除，与新记录并存，不影响“清除标记”。")(
            replaced.staleLeft,
          );
      }, fail(LEDGER_NOT_STORED));
    });
    if (restoreError) fail(TRACKING_NOT_RESTORED)(restoreError);
    if (failures.length === 0) return outcome;
    const nothingWritten =
      outcome.written.length === 0 &&
      outcome.commentsAdded.length === 0 &&
      removed === 0 &&
      !outcome.ledgerStored;
    if (nothingWritten) this.sessionLedger = earlierSessionLedger;
    // Only a write that changed nothing rejects; switching 修订 off and failing to switch it
    // back is itself a change, so that rejection says so instead of "nothing changed".
    if (nothingWritten && restoreError)
      throw new HostError(`WPS 未能写入任何标记；${TRACKING_NOT_RESTORED}`, restoreError);
    if (nothingWritten)
      throw new HostError("WPS 未能写入任何标记，文档没有改动。", failures[0]?.cause);
    outcome.failure = `部分操作未完成：${failures.map((f) => f.message).join("")}`;
    return outcome;
  }

  async select(anchor: Anchor): Promise<boolean> {
    try {
      const doc = this.document();
      if (anchor.kind === "cell" && !this.snapshot) await this.read();
      const anchors = new AnchorFinder(doc, this.locator(doc), this.snapshot);
      // A cell edited since the check cannot prove itself by its text: select its address.
      const range = anchors.range(anchor, { unverifiedCell: true });
      if (!range) return false;
      range.Select();
      this.app.ActiveWindow.ScrollIntoView(range, true);
      return true;
    } catch {
      // The cell or paragraph no longer exists: the document changed since the check.
      return false;
    }
  }

  async insert(flatOpc: string): Promise<InsertOutcome> {
    const doc = this.document();
    const { value: placement, restoreError } = this.edit("年报校核：插入模板", doc, () => {
      const selection = this.app.Selection;
      let range: WpsRange;
      let placement: InsertOutcome["placement"] = "cursor";
      if (selection.Information(WD_WITHIN_TABLE)) {
        // Inside a table, never into a cell: after the outermost table holding the cursor.
        range = topLevelTableAt(selection).Range;
        placement = "after-table";
      } else range = selection.Paragraphs.Item(selection.Paragraphs.Count).Range;
      range.Collapse(WD_COLLAPSE_END);
      if (!insertXml(doc, range, flatOpc))
        insertByBuilding(doc, range, readDocument(flatOpc).blocks);
      return placement;
    });
    if (restoreError) throw new HostError(`模板已插入。${TRACKING_NOT_RESTORED}`, restoreError);
    return { placement };
  }

  /**
   * Into the document where WPS has custom XML parts, else for the session. A stale part a
   * failed delete leaves behind is outvoted on read (commonIgnores); this session keeps the
   * new set meanwhile.
   */
  async saveIgnores(ignores: Ignore[]): Promise<void> {
    const doc = this.document();
    const store = partStore(doc);
    if (!store) {
      this.sessionIgnores = ignores;
      return;
    }
    const { value, restoreError } = this.edit("年报校核：忽略设置", doc, () =>
      replacePart(store, IGNORES_NAMESPACE, ignoresToXml(ignores)),
    );
    if (value.staleLeft) {
      console.warn("nianbao: an earlier ignores part could not be deleted", value.staleLeft);
      this.sessionIgnores = ignores;
    } else this.sessionIgnores = null;
    if (restoreError) throw new HostError(`忽略设置已保存。${TRACKING_NOT_RESTORED}`, restoreError);
  }

  private locator(doc: WpsDocument): CellLocator {
    return new CellLocator(doc, this.snapshot, this.tablePositions);
  }

  private document(): WpsDocument {
    const doc = this.app.ActiveDocument;
    if (!doc) throw new HostError("没有打开的文档：请先打开要检查的年度报告。");
    return doc;
  }

  /**
   * Runs document changes as one undo step where WPS offers undo records, never as tracked
   * revisions; tracking is switched back on whatever happens, and a failure to do so returned.
   */
  private edit<T>(
    name: string,
    doc: WpsDocument,
    change: () => T,
  ): { value: T; restoreError: unknown } {
    let undo: WpsApplication["UndoRecord"] | null = null;
    // Truthy, not === true: builds passing VBA's values through give -1 for on.
    let tracking: boolean | number = false;
    let restoreError: unknown = null;
    let value: T;
    try {
      undo = startUndoRecord(this.app, name);
      const found = doc.TrackRevisions;
      if (found) {
        doc.TrackRevisions = typeof found === "number" ? 0 : false;
        tracking = found;
      }
      value = change();
    } catch (error) {
      throw error instanceof HostError
        ? error
        : new HostError("WPS 未能完成此操作，可用“撤销”退回已做的改动。", error);
    } finally {
      if (tracking) {
        try {
          doc.TrackRevisions = tracking;
        } catch (error) {
          restoreError = error ?? new Error("TrackRevisions");
        }
      }
      if (undo) {
        try {
          undo.EndCustomRecord();
        } catch (error) {
          console.warn("nianbao: UndoRecord.EndCustomRecord failed", error);
        }
      }
    }
    return { value, restoreError };
  }
}

const TRACKING_NOT_RESTORED = "修订未能恢复为开启，请在“审阅”选项卡中重新打开“修订”。";
const LEDGER_NOT_STORED =
  "未能在文档中保存标记记录：本次打开期间仍可“清除标记”，关闭文档后将无法自动清除。";

function attempt(step: () => void, onError: (error: unknown) => void): void {
  try {
    step();
  } catch (error) {
    onError(error);
  }
}

/** Opens an undo record where WPS has them; null when absent or refused (no grouping then). */
function startUndoRecord(app: WpsApplication, name: string): WpsApplication["UndoRecord"] | null {
  try {
    const undo = app.UndoRecord;
    if (!undo || typeof undo.StartCustomRecord !== "function") return null;
    undo.StartCustomRecord(name);
    return undo;
  } catch (error) {
    console.warn("nianbao: UndoRecord unavailable, changes are not grouped for 撤销", error);
    return null;
  }
}

/** Shades a cell only once it has proved, by its text, to be the cell the plan means. */
function writeCell(locator: CellLocator, write: CellWrite, outcome: WriteOutcome): void {
  let located: ReturnType<CellLocator["locate"]>;
  try {
    located = locator.locate(write, write.expectedText);
  } catch (error) {
    console.warn("nianbao: WPS failed while finding a cell", error);
    outcome.skipped.push({ write, reason: "failed" });
    return;
  }
  if ("skip" in located) {
    outcome.skipped.push({
      write,
      reason: located.skip,
      ...(located.found !== undefined ? { found: located.found } : {}),
    });
    return;
  }
  try {
    located.cell.Shading.BackgroundPatternColor = shadingToWps(write.shading);
    outcome.written.push(write);
  } catch (error) {
    console.warn("nianbao: WPS refused a cell's shading", error);
    outcome.skipped.push({ write, reason: "failed", found: located.found });
  }
}

/** The outermost table at the cursor; Selection.Tables may give a nested one. */
function topLevelTableAt(selection: WpsSelection): WpsTable {
  try {
    const tables = selection.Range.TopLevelTables;
    if (tables && tables.Count > 0) return tables.Item(1);
  } catch (error) {
    console.warn("nianbao: TopLevelTables unavailable, using Selection.Tables", error);
  }
  return selection.Tables.Item(1);
}

/**
 * InsertXML, checked: nothing documents that WPS raises when it cannot use the package, so the
 * tables and paragraphs are counted before and after. False when nothing went in.
 */
function insertXml(doc: WpsDocument, range: WpsRange, flatOpc: string): boolean {
  const count = () => `${doc.Tables.Count}/${doc.Paragraphs.Count}`;
  try {
    const before = count();
    range.InsertXML(flatOpc);
    if (count() !== before) return true;
    console.warn("nianbao: InsertXML inserted nothing, building the template with Tables.Add");
  } catch (error) {
    console.warn("nianbao: InsertXML failed, building the template with Tables.Add", error);
  }
  return false;
}
