/**
 * Reads one of our own custom XML parts (the marks ledger, the ignores) element by element,
 * with the same limits as any document part. A part that is not well-formed XML is a part we
 * cannot trust: the caller gets false and treats the part as absent.
 */
import { DocumentReadError } from "./errors";
import { DEFAULT_LIMITS } from "./limits";
import { parseXml, type Attributes } from "./xml";

export function readPartXml(
  xml: string,
  label: string,
  open: (name: string, attributes: Attributes) => void,
): boolean {
  try {
    parseXml(xml, { open, close() {}, text() {} }, DEFAULT_LIMITS, label);
    return true;
  } catch (error) {
    if (error instanceof DocumentReadError) return false;
    throw error;
  }
}
