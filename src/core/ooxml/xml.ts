/**
 * A streaming XML reader over saxes with the limits untrusted documents need: no DTD (so no
 * entity expansion and no external entities), bounded depth and element count.
 */
import { SaxesParser } from "saxes";
import { DocumentReadError } from "./errors";
import type { ReadLimits } from "./limits";

/** Characters handed to the parser at a time, so that the limits are checked between them. */
const SLICE = 64 * 1024;

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

export interface XmlStream {
  write(chunk: string): void;
  end(): void;
}

export function createXmlStream(
  handler: XmlHandler,
  limits: ReadLimits,
  partName: string,
): XmlStream {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  let elements = 0;
  // saxes holds text and attribute values until the next tag: a part that never closes one
  // would grow that string without end.
  let sinceEvent = 0;

  parser.on("doctype", () => {
    throw new DocumentReadError("xml-dtd", `${partName} declares a DTD`);
  });
  parser.on("opentag", (tag) => {
    sinceEvent = 0;
    depth++;
    elements++;
    if (depth > limits.maxXmlDepth) {
      throw new DocumentReadError(
        "xml-too-complex",
        `${partName} nests deeper than ${limits.maxXmlDepth}`,
      );
    }
    if (elements > limits.maxXmlElements) {
      throw new DocumentReadError(
        "xml-too-complex",
        `${partName} has more than ${limits.maxXmlElements} elements`,
      );
    }
    handler.open(tag.name, tag.attributes as Attributes);
  });
  parser.on("closetag", (tag) => {
    sinceEvent = 0;
    depth--;
    handler.close(tag.name);
  });
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));
  // Stop at the first error: a damaged part can hold millions of them.
  parser.on("error", (error) => {
    throw new DocumentReadError("xml-invalid", `${partName}: ${error.message}`);
  });

  const guard = (action: () => void) => {
    try {
      action();
    } catch (error) {
      if (error instanceof DocumentReadError) throw error;
      throw new DocumentReadError("xml-invalid", `${partName}: ${(error as Error).message}`);
    }
  };

  return {
    write: (chunk) =>
      guard(() => {
        for (let at = 0; at < chunk.length; at += SLICE) {
          const slice = chunk.slice(at, at + SLICE);
          sinceEvent += slice.length;
          parser.write(slice);
          if (sinceEvent > limits.maxTextLength * 2) {
            throw new DocumentReadError(
              "xml-too-complex",
              `${partName} has more than ${limits.maxTextLength * 2} characters without a tag`,
            );
          }
        }
      }),
    end: () => guard(() => parser.close()),
  };
}

/** Parses a whole XML string. */
export function parseXml(
  xml: string,
  handler: XmlHandler,
  limits: ReadLimits,
  partName: string,
): void {
  const stream = createXmlStream(handler, limits, partName);
  stream.write(xml);
  stream.end();
}
