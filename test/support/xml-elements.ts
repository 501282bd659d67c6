import { DEFAULT_LIMITS } from "../../src/core/ooxml/limits";
import { parseXml } from "../../src/core/ooxml/xml";

/** Every element of an XML file in document order, with its attributes (manifests, ribbons). */
export function xmlElements(xml: string): { name: string; attributes: Record<string, string> }[] {
  const found: { name: string; attributes: Record<string, string> }[] = [];
  parseXml(
    xml,
    { open: (name, attributes) => void found.push({ name, attributes }), close() {}, text() {} },
    DEFAULT_LIMITS,
    "xml",
  );
  return found;
}
