/**
 * Our ledger and the ignores, from the custom XML parts a document holds, the same for every
 * host. Hosts replace a part by adding the new one before deleting the old, so a failed delete
 * leaves several in a namespace: the ledger is every ledger part merged (mergeLedgerParts); for
 * the ignores, what the host can say about the parts' order decides which to believe.
 */
import { ignoresFromXml, mergeLedgerParts, type Ignore, type Ledger } from "../core";

/**
 * "added": the host lists a namespace's parts in the order they were added (Word, the demo),
 * so the last readable one is the newest. "unknown": no order is documented (WPS).
 */
export type PartOrder = "added" | "unknown";

export interface StoredState {
  ledger: Ledger;
  ignores: Ignore[];
}

export function storedState(
  xml: { ledger: string[]; ignores: string[] },
  order: PartOrder,
): StoredState {
  return {
    ledger: mergeLedgerParts(xml.ledger),
    ignores: order === "added" ? latestIgnores(xml.ignores) : commonIgnores(xml.ignores),
  };
}

/**
 * Of several ignores parts, the last readable one. Not the union: an ignore the user took back
 * would return and hide a finding; a lost ignore only shows a finding again.
 */
export function latestIgnores(xmls: string[]): Ignore[] {
  for (const xml of [...xmls].reverse()) {
    const ignores = ignoresFromXml(xml);
    if (ignores) return ignores;
  }
  return [];
}

/**
 * The ignores every readable part agrees on, where which part is the newer is unknown: holding
 * only what all say can make a dismissed finding show again, never hide one the user brought
 * back.
 */
export function commonIgnores(xmls: string[]): Ignore[] {
  const sets = xmls.map(ignoresFromXml).filter((s): s is Ignore[] => s !== null);
  const [first, ...rest] = sets;
  if (!first) return [];
  const keys = rest.map((set) => new Set(set.map((i) => JSON.stringify(i))));
  return first.filter((i) => keys.every((k) => k.has(JSON.stringify(i))));
}
