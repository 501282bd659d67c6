/**
 * Our ledger and ignores parts through WPS's Document.CustomXMLParts (SelectByNamespace, Add,
 * CustomXMLPart.XML and Delete; Kingsoft's typings, lib.kso.d.ts): the same parts Word's
 * customXmlParts read, so a document marked in one clears in the other.
 */
import { storedState, type StoredState } from "../stored-parts";
import { IGNORES_NAMESPACE, LEDGER_NAMESPACE } from "../../core";
import type { WpsCustomXmlParts, WpsDocument } from "./wps-api";

/** The document's custom XML parts, when this build has them with both calls we use. */
export function partStore(doc: WpsDocument): WpsCustomXmlParts | null {
  try {
    const store = doc.CustomXMLParts;
    return store && typeof store.SelectByNamespace === "function" && typeof store.Add === "function"
      ? store
      : null;
  } catch (error) {
    console.warn("nianbao: CustomXMLParts unavailable, keeping the ledger for the session", error);
    return null;
  }
}

/** The ledger and ignores stored in the document; WPS documents no order for its parts. */
export function readStored(store: WpsCustomXmlParts): StoredState {
  return storedState(
    { ledger: partsXml(store, LEDGER_NAMESPACE), ignores: partsXml(store, IGNORES_NAMESPACE) },
    "unknown",
  );
}

/** Every part in a namespace: a failed clean-up may leave several. */
function partsXml(store: WpsCustomXmlParts, namespace: string): string[] {
  const parts = store.SelectByNamespace(namespace);
  return Array.from({ length: parts.Count }, (_, i) => parts.Item(i + 1).XML);
}

/**
 * Adds the new part before deleting the old: a failure never leaves the document without one.
 * Throws only when the new part is not in; a delete that fails after is returned (the part is
 * stored by then, and `added` has been told).
 */
export function replacePart(
  store: WpsCustomXmlParts,
  namespace: string,
  xml: string,
  added: () => void = () => undefined,
): { staleLeft: unknown } {
  const found = store.SelectByNamespace(namespace);
  const old = Array.from({ length: found.Count }, (_, i) => found.Item(i + 1));
  store.Add(xml);
  added();
  let staleLeft: unknown = null;
  for (const part of old) {
    try {
      part.Delete();
    } catch (error) {
      staleLeft ??= error ?? new Error("CustomXMLPart.Delete");
    }
  }
  return { staleLeft };
}
