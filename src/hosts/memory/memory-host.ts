/**
 * The demo host: the pane working on a document held in memory, so anyone can try the add-in
 * in an ordinary browser, and the contract every real host is tested against.
 */
import {
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  ignoresToXml,
  ledgerToXml,
  readDocument,
  type Anchor,
  type Ignore,
  type WriteOutcome,
  type WritePlan,
  COMMENT_AUTHOR,
  COMMENT_INITIALS,
  findOurComments,
  sameCellText,
  settleLedger,
} from "../../core";
import type { DocumentHost, DocumentState, InsertOutcome } from "../host";
import { storedState } from "../stored-parts";
import { MemoryDocument } from "./memory-document";

export class MemoryHost implements DocumentHost {
  readonly name = "demo";
  readonly capabilities = { comments: true, documentStorage: true };

  constructor(readonly document: MemoryDocument) {}

  async read(): Promise<DocumentState> {
    const xml = (namespace: string) => this.document.partsIn(namespace).map((p) => p.xml);
    return {
      snapshot: this.document.snapshot(),
      // Parts are kept in the order they were added.
      ...storedState({ ledger: xml(LEDGER_NAMESPACE), ignores: xml(IGNORES_NAMESPACE) }, "added"),
    };
  }

  async write(plan: WritePlan): Promise<WriteOutcome> {
    const doc = this.document;
    const outcome: WriteOutcome = {
      written: [],
      skipped: [],
      commentsAdded: [],
      commentsKept: [],
      ledgerStored: true,
    };
    for (const write of plan.cells) {
      const target = doc.resolve({ kind: "cell", ...write });
      if (target?.kind !== "cell") outcome.skipped.push({ write, reason: "not-found" });
      else if (!sameCellText(target.cell.text, write.expectedText))
        outcome.skipped.push({ write, reason: "text-differs", found: target.cell.text });
      else {
        doc.setShading(target.cell, write.shading);
        outcome.written.push(write);
      }
    }
    const existing = [...doc.comments];
    const { found } = findOurComments(existing, plan.removeComments);
    for (const { index } of found) {
      const ours = existing[index];
      if (ours) doc.removeComment(ours.id);
    }
    for (const comment of plan.addComments) {
      const target = doc.resolve(comment.anchor);
      if (!target) continue;
      doc.addComment(target, comment.text, COMMENT_AUTHOR, COMMENT_INITIALS);
      outcome.commentsAdded.push(comment.text);
    }
    this.replacePart(LEDGER_NAMESPACE, ledgerToXml(settleLedger(plan, outcome)));
    return outcome;
  }

  async select(anchor: Anchor): Promise<boolean> {
    const target = this.document.resolve(anchor);
    if (target) this.document.select(target);
    return target !== null;
  }

  async insert(flatOpc: string): Promise<InsertOutcome> {
    const doc = this.document;
    const at = doc.selection ?? doc.resolve({ kind: "paragraph", paragraphIndex: 0 });
    doc.insertAfter(at && doc.blockOf(at), readDocument(flatOpc).blocks);
    return { placement: at?.kind === "cell" ? "after-table" : "cursor" };
  }

  async saveIgnores(ignores: Ignore[]): Promise<void> {
    this.replacePart(IGNORES_NAMESPACE, ignoresToXml(ignores));
  }

  private replacePart(namespace: string, xml: string): void {
    for (const part of this.document.partsIn(namespace)) this.document.removePart(part.id);
    this.document.addPart(xml);
  }
}
