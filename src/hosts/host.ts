/**
 * What every host gives the pane: the open document as a snapshot. Marking, clearing, jumping
 * and inserting join this interface as the Word and WPS adapters gain them (issues 4 and 5).
 */
import type { DocumentSnapshot } from "../core";

export interface DocumentHost {
  readonly name: "word" | "wps" | "demo";
  /** The whole document, validated. */
  readSnapshot(): Promise<DocumentSnapshot>;
}
