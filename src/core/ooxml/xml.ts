/**
 * A streaming XML reader over saxes with the limits untrusted documents need: no DTD (so no
 * entity expansion and no external entities), bounded depth and element count.
 *
 * Element and attribute names reach the handler by namespace, not by the prefix the document
 * happens to use: a name in one of the namespaces of CANONICAL_PREFIXES is given our fixed prefix
 * (WordprocessingML is always "w:", whether the file binds it to "w", "ns0" or the default
 * namespace, Transitional or Strict). Other names are passed as written, and so are names whose
 * prefix is not declared at all (fragments, our own tests), so nothing that read before reads
 * less now. Declarations are tracked by hand rather than with saxes' xmlns mode: that mode
 * refuses undeclared prefixes and resolves every name, where almost every real part declares
 * its namespaces once, on the root, with the usual prefixes, and needs no renaming at all.
 */
import { SaxesParser } from "saxes";
import { DocumentReadError } from "./errors";
import type { ReadLimits } from "./limits";
import { CANONICAL_PREFIXES, XML_NAMESPACE } from "./namespaces";

/** Characters handed to the parser at a time, so that the limits are checked between them. */
const SLICE = 64 * 1024;

export type Attributes = Record<string, string>;

/** The namespace declarations in force at an element. */
export interface NamespaceScope {
  /** The namespace URI bound to a prefix ("" for the default namespace), undefined if unbound. */
  uriOf(prefix: string): string | undefined;
}

export interface XmlHandler {
  open(name: string, attributes: Attributes, scope: NamespaceScope): void;
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
  // The scope in force, and the scopes that elements declaring namespaces replaced, with the
  // depth of each such element: most elements declare nothing and cost nothing here.
  let scope = ROOT_SCOPE;
  const outerScopes: Scope[] = [];
  const scopeDepths: number[] = [];
  let declares = false;

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
    const attributes = tag.attributes as Attributes;
    if (declares) {
      declares = false;
      outerScopes.push(scope);
      scopeDepths.push(depth);
      scope = scope.enter(attributes);
    }
    if (scope.identity) handler.open(tag.name, attributes, scope);
    else handler.open(scope.name(tag.name), scope.attributes(attributes), scope);
  });
  parser.on("closetag", (tag) => {
    sinceEvent = 0;
    depth--;
    const name = scope.identity ? tag.name : scope.name(tag.name);
    if (scopeDepths[scopeDepths.length - 1] === depth + 1) {
      scopeDepths.pop();
      scope = outerScopes.pop() ?? ROOT_SCOPE;
    }
    handler.close(name);
  });
  parser.on("attribute", ({ name }) => {
    if (name.charCodeAt(0) === 120 /* x */ && (name === "xmlns" || name.startsWith("xmlns:")))
      declares = true;
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

/**
 * The declarations in force at an element. A new scope is made only where an element declares
 * something; `identity` says that no name under it needs renaming (every known namespace is
 * bound to its own prefix and none of our prefixes is bound to anything else).
 */
class Scope implements NamespaceScope {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly parent: Scope | null,
    private readonly bindings: ReadonlyMap<string, string>,
    readonly identity: boolean,
  ) {}

  uriOf(prefix: string): string | undefined {
    const uri = this.bindings.get(prefix);
    if (uri !== undefined) return uri === "" && prefix !== "" ? undefined : uri;
    if (this.parent) return this.parent.uriOf(prefix);
    return prefix === "xml" ? XML_NAMESPACE : undefined;
  }

  /** The scope of an element whose attributes declare namespaces. */
  enter(attributes: Attributes): Scope {
    let bindings: Map<string, string> | null = null;
    for (const key in attributes) {
      if (key.charCodeAt(0) !== 120 /* x */) continue;
      let prefix: string;
      if (key === "xmlns") prefix = "";
      else if (key.startsWith("xmlns:")) prefix = key.slice(6);
      else continue;
      bindings ??= new Map();
      bindings.set(prefix, attributes[key] ?? "");
    }
    if (!bindings) return this;
    let identity = this.identity;
    for (const [prefix, uri] of bindings) if (!bindsAsWritten(prefix, uri)) identity = false;
    return new Scope(this, bindings, identity);
  }

  /** An element name with our prefix for its namespace. */
  name(raw: string): string {
    let name = this.names.get(raw);
    if (name === undefined) {
      name = this.resolve(raw, true);
      this.names.set(raw, name);
    }
    return name;
  }

  attributes(attributes: Attributes): Attributes {
    let renamed: Attributes | null = null;
    for (const key in attributes) {
      // Unprefixed attributes are in no namespace; declarations stay as written.
      if (key.indexOf(":") < 0 || key.startsWith("xmlns:")) continue;
      const name = this.names.get("@" + key) ?? this.resolveAttribute(key);
      if (name !== key) {
        renamed ??= { ...attributes };
        delete renamed[key];
        renamed[name] = attributes[key] ?? "";
      }
    }
    return renamed ?? attributes;
  }

  private resolveAttribute(key: string): string {
    const name = this.resolve(key, false);
    this.names.set("@" + key, name);
    return name;
  }

  private resolve(raw: string, element: boolean): string {
    const colon = raw.indexOf(":");
    if (colon < 0 && !element) return raw;
    const prefix = colon < 0 ? "" : raw.slice(0, colon);
    const local = raw.slice(colon + 1);
    const uri = this.uriOf(prefix);
    if (uri === undefined || uri === "") return raw;
    const canonical = CANONICAL_PREFIXES.get(uri);
    if (canonical !== undefined) return `${canonical}:${local}`;
    // Another namespace under one of our prefixes must not pass for ours.
    if (prefix !== "" && CANONICAL_URIS.has(prefix)) return `{${uri}}${local}`;
    return raw;
  }
}

const CANONICAL_URIS = new Set(CANONICAL_PREFIXES.values());

function bindsAsWritten(prefix: string, uri: string): boolean {
  const canonical = CANONICAL_PREFIXES.get(uri);
  if (canonical !== undefined) return canonical === prefix;
  return prefix === "" || !CANONICAL_URIS.has(prefix);
}

const ROOT_SCOPE = new Scope(null, new Map(), true);
