/**
 * Reads an .xlsx back for the tests, independently of the writer: the package through its
 * relationships (not by part name), shared strings, inline strings and numbers cell by cell by
 * their A1 references, and each sheet's frozen pane, auto filter and column widths.
 */
import { posix } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

export type ReadCell = string | number | null;

export interface ReadSheet {
  name: string;
  /** Row by row from A1; a missing or empty cell is null. */
  rows: ReadCell[][];
  frozen: { ySplit: number; topLeftCell: string; state: string } | null;
  autoFilter: string | null;
  widths: number[];
  /** Style index (s) of each cell, same shape as rows. */
  styles: (number | null)[][];
}

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

function parse(xml: string): Element {
  const parser = new SaxesParser({ xmlns: false });
  const root: Element = { name: "#root", attributes: {}, children: [], text: "" };
  const stack: Element[] = [root];
  parser.on("opentag", (tag) => {
    const element: Element = {
      name: tag.name.replace(/^.*:/, ""),
      attributes: Object.fromEntries(
        Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]),
      ),
      children: [],
      text: "",
    };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on("text", (text) => {
    stack[stack.length - 1]!.text += text;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

const find = (e: Element, name: string) => e.children.find((c) => c.name === name);
const all = (e: Element, name: string) => e.children.filter((c) => c.name === name);
const textOf = (e: Element): string =>
  e.name === "t" ? e.text : e.children.map((c) => (c.name === "rPh" ? "" : textOf(c))).join("");

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function readXlsx(bytes: Uint8Array): { sheets: ReadSheet[]; parts: string[] } {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]!);
  const rels = (source: string): Record<string, { type: string; target: string }> => {
    const dir = posix.dirname(source);
    const relsName = posix.join(dir, "_rels", `${posix.basename(source)}.rels`);
    return Object.fromEntries(
      all(parse(text(relsName)), "Relationship").map(
        (r): [string, { type: string; target: string }] => [
          r.attributes.Id ?? "",
          {
            type: r.attributes.Type!.replace(/^.*\//, ""),
            target: posix.normalize(posix.join(dir, r.attributes.Target!)),
          },
        ],
      ),
    );
  };
  const root = Object.values(rels("")).find((r) => r.type === "officeDocument")!;
  const workbook = parse(text(root.target));
  const workbookRels = rels(root.target);
  const sharedPart = Object.values(workbookRels).find((r) => r.type === "sharedStrings");
  const shared = sharedPart ? all(parse(text(sharedPart.target)), "si").map(textOf) : [];
  const sheets = all(find(workbook, "sheets")!, "sheet").map((sheet): ReadSheet => {
    const part = workbookRels[sheet.attributes["r:id"]!]!.target;
    const xml = parse(text(part));
    const rows: ReadCell[][] = [];
    const styles: (number | null)[][] = [];
    for (const row of all(find(xml, "sheetData")!, "row")) {
      const r = Number(row.attributes.r) - 1;
      rows[r] = [];
      styles[r] = [];
      for (const c of all(row, "c")) {
        const at = columnIndex(c.attributes.r!);
        const v = find(c, "v");
        let value: ReadCell = null;
        if (c.attributes.t === "s") value = shared[Number(v!.text)]!;
        else if (c.attributes.t === "inlineStr") value = textOf(find(c, "is")!);
        else if (c.attributes.t === "str") value = v?.text ?? null;
        else if (v) value = Number(v.text);
        rows[r][at] = value;
        styles[r][at] = c.attributes.s === undefined ? null : Number(c.attributes.s);
      }
    }
    const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
    const dense = (grid: unknown[][]) =>
      Array.from({ length: grid.length }, (_, r) =>
        Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? null),
      );
    const pane = find(find(find(xml, "sheetViews")!, "sheetView")!, "pane");
    const widths: number[] = [];
    for (const col of all(find(xml, "cols") ?? ({ children: [] as Element[] } as Element), "col"))
      for (let i = Number(col.attributes.min); i <= Number(col.attributes.max); i++)
        widths[i - 1] = Number(col.attributes.width);
    return {
      name: sheet.attributes.name!,
      rows: dense(rows) as ReadCell[][],
      styles: dense(styles) as (number | null)[][],
      frozen: pane
        ? {
            ySplit: Number(pane.attributes.ySplit),
            topLeftCell: pane.attributes.topLeftCell!,
            state: pane.attributes.state!,
          }
        : null,
      autoFilter: find(xml, "autoFilter")?.attributes.ref ?? null,
      widths,
    };
  });
  return { sheets, parts: Object.keys(files).sort() };
}
