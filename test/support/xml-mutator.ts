/**
 * Mutations of a real part's XML that keep it well-formed most of the time: drop, duplicate and
 * swap elements, drop and copy attributes, change numbers, labels and merges. Used by the fuzz
 * tests so that most cases are documents the reader reads and the rules and annotator work on.
 */
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g;

/** A small deterministic generator (mulberry32), so a fast-check seed replays a case. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Element {
  name: string;
  /** Token indices: the opening (or self-closing) tag and one past the closing tag. */
  start: number;
  end: number;
}

function elements(tokens: string[]): Element[] {
  const found: Element[] = [];
  const stack: { name: string; start: number }[] = [];
  tokens.forEach((token, i) => {
    if (!token.startsWith("<") || /^<[?!]/.test(token)) return;
    const name = /^<\/?([^\s/>]+)/.exec(token)?.[1] ?? "";
    if (token.startsWith("</")) {
      const open = stack.pop();
      if (open) found.push({ name: open.name, start: open.start, end: i + 1 });
    } else if (token.endsWith("/>")) found.push({ name, start: i, end: i + 1 });
    else stack.push({ name, start: i });
  });
  return found;
}

const LABELS = ["本年新收政府信息公开申请数量", "合计", "总计", "其他", "", "行政复议", "（一）"];
const NUMBERS = ["0", "1", "-3", "12", "999999999", "1.5", "１２", "NaN", "", " 7 "];
const MERGES = [
  `<w:gridSpan w:val="2"/>`,
  `<w:gridSpan w:val="40"/>`,
  `<w:gridSpan w:val="0"/>`,
  `<w:vMerge w:val="restart"/>`,
  `<w:vMerge/>`,
  `<w:hMerge/>`,
];
/** Elements worth mutating whole: the structure the reader and the rules care about. */
const STRUCTURAL =
  /^w:(p|r|t|tc|tr|tbl|tcPr|pPr|gridSpan|vMerge|hMerge|gridCol|gridBefore|del|ins|sdt|bookmarkStart)$/;

type Operation = (tokens: string[], pick: () => number) => void;

const choose = <T>(items: T[], pick: () => number): T | undefined =>
  items.length ? items[Math.floor(pick() * items.length)] : undefined;

const OPERATIONS: Operation[] = [
  // Drop an element.
  (tokens, pick) => {
    const e = choose(
      elements(tokens).filter((x) => STRUCTURAL.test(x.name)),
      pick,
    );
    if (e) tokens.splice(e.start, e.end - e.start);
  },
  // Duplicate an element in place.
  (tokens, pick) => {
    const e = choose(
      elements(tokens).filter((x) => STRUCTURAL.test(x.name)),
      pick,
    );
    if (e) tokens.splice(e.end, 0, ...tokens.slice(e.start, e.end));
  },
  // Swap two elements of the same name that do not contain each other.
  (tokens, pick) => {
    const all = elements(tokens).filter((x) => STRUCTURAL.test(x.name));
    const a = choose(all, pick);
    const b = choose(
      all.filter((x) => a && x.name === a.name && (x.end <= a.start || x.start >= a.end)),
      pick,
    );
    if (!a || !b) return;
    const [first, second] = a.start < b.start ? [a, b] : [b, a];
    const one = tokens.slice(first.start, first.end);
    const two = tokens.slice(second.start, second.end);
    tokens.splice(second.start, second.end - second.start, ...one);
    tokens.splice(first.start, first.end - first.start, ...two);
  },
  // Change a number or a label in a text run.
  (tokens, pick) => {
    const texts = tokens
      .map((token, i) => ({ token, i }))
      .filter(({ i }) => tokens[i - 1]?.startsWith("<w:t") && !tokens[i]?.startsWith("<"));
    const t = choose(texts, pick);
    if (t) tokens[t.i] = (pick() < 0.5 ? choose(NUMBERS, pick) : choose(LABELS, pick)) ?? "";
  },
  // Add, replace or remove a merge in a cell's properties.
  (tokens, pick) => {
    const tcPr = choose(
      elements(tokens).filter((x) => x.name === "w:tcPr"),
      pick,
    );
    if (!tcPr) return;
    if (pick() < 0.3) {
      const merge = choose(
        elements(tokens).filter(
          (x) =>
            /^w:(gridSpan|vMerge|hMerge)$/.test(x.name) && x.start > tcPr.start && x.end < tcPr.end,
        ),
        pick,
      );
      if (merge) tokens.splice(merge.start, merge.end - merge.start);
    } else if (!tokens[tcPr.start]?.endsWith("/>"))
      tokens.splice(tcPr.start + 1, 0, choose(MERGES, pick) ?? "");
  },
  // Change an attribute's value (numbers, merge kinds, styles).
  (tokens, pick) => {
    const tags = tokens
      .map((token, i) => ({ token, i }))
      .filter(({ token }) => /^<[^/?!][^>]*\s[\w:]+="[^"]*"/.test(token));
    const tag = choose(tags, pick);
    if (!tag) return;
    const attributes = [...tag.token.matchAll(/\s([\w:]+)="[^"]*"/g)];
    const attribute = choose(attributes, pick);
    if (!attribute) return;
    const value = choose([...NUMBERS, "restart", "continue", "Heading1", "center", "-1"], pick);
    tokens[tag.i] = tag.token.replace(attribute[0], ` ${attribute[1]}="${value ?? ""}"`);
  },
  // Drop an attribute, or copy one onto another tag of the same name.
  (tokens, pick) => {
    const tags = tokens
      .map((token, i) => ({ token, i }))
      .filter(({ token }) => /^<[^/?!][^>]*\s[\w:]+="[^"]*"/.test(token));
    const tag = choose(tags, pick);
    if (!tag) return;
    const attribute = choose([...tag.token.matchAll(/\s([\w:]+)="[^"]*"/g)], pick);
    if (!attribute || attribute[1]?.startsWith("xmlns")) return;
    if (pick() < 0.5) {
      tokens[tag.i] = tag.token.replace(attribute[0], "");
      return;
    }
    const name = /^<([^\s/>]+)/.exec(tag.token)?.[1];
    const other = choose(
      tags.filter(
        (t) =>
          t.i !== tag.i &&
          t.token.startsWith(`<${name} `) &&
          !t.token.includes(` ${attribute[1]}=`),
      ),
      pick,
    );
    if (other) tokens[other.i] = other.token.replace(/^<([^\s/>]+)/, `$&${attribute[0]}`);
  },
];

/** The XML with `count` random mutations applied. */
export function mutateXml(xml: string, seed: number, count: number): string {
  const pick = random(seed);
  const tokens = xml.match(TOKEN) ?? [];
  for (let n = 0; n < count; n++) choose(OPERATIONS, pick)?.(tokens, pick);
  return tokens.join("");
}
