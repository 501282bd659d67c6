/**
 * The one interface the pane talks to, whatever runs it: Word (Office.js), WPS (its JSAPI) or
 * the in-memory demo. Hosts read, carry out write plans made by the core, select and insert;
 * every decision about what to mark or restore is the core's, so all hosts behave alike.
 */
import type { Anchor, DocumentSnapshot, Ignore, Ledger, WriteOutcome, WritePlan } from "../core";

export interface HostCapabilities {
  /** Comments (批注) can be written and removed: reviewer mode and marks on missing parts. */
  comments: boolean;
  /** The ledger and ignores can be stored in the document (custom XML parts). */
  documentStorage: boolean;
  /**
   * false: the host cannot pause track changes (修订) while marking, nor tell whether they are
   * on (Word without WordApi 1.4), so with 修订 on every mark would be recorded as a revision:
   * ask the user before marking. Absent: the host pauses them itself.
   */
  pausesTracking?: boolean;
}

/** Everything a check needs, read at once: the document, our ledger and the ignores. */
export interface DocumentState {
  snapshot: DocumentSnapshot;
  ledger: Ledger;
  ignores: Ignore[];
  /**
   * What the host could not read as the .docx reader would, for the pane to show (Simplified
   * Chinese, one sentence each): e.g. a document too large to look into its text boxes.
   * Absent when there is nothing to say.
   */
  notes?: string[];
}

export type HostName = "word" | "wps" | "demo";

export interface InsertOutcome {
  /** Where the template went: at the cursor, or after the table the cursor was in. */
  placement: "cursor" | "after-table";
}

export interface DocumentHost {
  readonly name: HostName;
  readonly capabilities: HostCapabilities;
  read(): Promise<DocumentState>;
  /**
   * Carries out the core's plan: cell shading (only where the cell still holds the text we
   * checked), comments, then the ledger of what was actually done (settleLedger). Resolves
   * with what was and was not done; a failure part-way is reported in the outcome, with the
   * document's own settings (track changes) restored and the ledger stored for every cell
   * touched. Rejects only when nothing could be written at all.
   */
  write(plan: WritePlan): Promise<WriteOutcome>;
  /** Selects and scrolls to a cell or paragraph; false when it no longer exists. */
  select(anchor: Anchor): Promise<boolean>;
  /** Inserts flat-OPC content after the cursor's paragraph, or after its table. */
  insert(flatOpc: string): Promise<InsertOutcome>;
  saveIgnores(ignores: Ignore[]): Promise<void>;
}

/**
 * A failure a host reports to the user: `userMessage` is the Chinese the pane shows, `cause`
 * the host's own error, kept for the log. The pane shows `userMessage` only for a HostError
 * (checked with instanceof); anything else gets a generic message.
 */
export class HostError extends Error {
  /** Set here too, not only through Error's options: older engines ignore that option. */
  override readonly cause: unknown;

  constructor(
    readonly userMessage: string,
    cause?: unknown,
  ) {
    super(cause instanceof Error ? cause.message : userMessage, { cause });
    this.name = "HostError";
    this.cause = cause;
  }
}
