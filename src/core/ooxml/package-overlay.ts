/**
 * A host reads the body through its object model: paragraph texts as the host gives them, and
 * tables one by one. Read once more as a whole package (Word's body.getOoxml, a flat-OPC
 * package the reader already takes), the same body shows what the object model hides or adds:
 * tables in text boxes (not among the host's tables, or listed as if they were body tables),
 * hidden text (w:vanish, w:specVanish) and content-control placeholder text inside paragraph
 * texts. overlayPackage brings the two together: the host's snapshot with the text-box tables
 * placed where the .docx reader places them (checked, never marked: tableIndex -1), each
 * body table numbered as the .docx reader numbers it, and paragraph texts without hidden and
 * placeholder text. Where the two readings do not line up, nothing is taken from the package.
 */
import type {
  DocumentSnapshot,
  SnapshotBlock,
  SnapshotParagraph,
  SnapshotTable,
} from "../model/snapshot";

export interface PackageOverlay {
  snapshot: DocumentSnapshot;
  /**
   * For each body table of the result, by its tableIndex: the tableIndex the host's snapshot
   * gave it (they differ where the host listed text-box tables among its own).
   */
  hostTables: number[];
  /** Text-box tables the result holds. */
  textboxTables: number;
  /** Paragraphs whose text the package corrected (hidden or placeholder text left out). */
  correctedParagraphs: number;
  /** Paragraphs whose two texts disagree otherwise: the host's text is kept. */
  unmatchedParagraphs: number;
  /** False when the readings do not line up: the host's snapshot is returned unchanged. */
  aligned: boolean;
}

export function overlayPackage(host: DocumentSnapshot, pkg: DocumentSnapshot): PackageOverlay {
  const hostTables = host.blocks.filter(isTable);
  const hostParagraphs = host.blocks.filter(isParagraph);
  const hostOf = alignTables(hostTables, pkg.blocks.filter(isTable));
  const pkgParagraphs = pkg.blocks.filter(isParagraph);
  if (!hostOf || !sameParagraphCount(hostParagraphs, pkgParagraphs)) {
    return {
      snapshot: host,
      hostTables: hostTables.map((t) => t.tableIndex),
      textboxTables: 0,
      correctedParagraphs: 0,
      unmatchedParagraphs: 0,
      aligned: false,
    };
  }

  const blocks: SnapshotBlock[] = [];
  let corrected = 0;
  let unmatched = 0;
  let textboxTables = 0;
  let bodyTable = 0;
  let emitted = 0;
  for (const block of pkg.blocks) {
    if (block.kind === "paragraph") {
      const own = hostParagraphs[block.paragraphIndex];
      if (!own) continue; // an empty paragraph the host does not list at the end
      emitted++;
      const text = packageText(own.text, block.text);
      if (text === null) unmatched++;
      else if (text !== own.text) corrected++;
      blocks.push(text === null || text === own.text ? own : { ...own, text });
    } else if (block.origin === "textbox") {
      textboxTables++;
      blocks.push(block);
    } else {
      const own = hostTables[hostOf[bodyTable] as number] as SnapshotTable;
      blocks.push({ ...own, tableIndex: bodyTable++ });
    }
  }
  blocks.push(...hostParagraphs.slice(emitted));
  return {
    snapshot: { blocks },
    hostTables: hostOf.map((i) => (hostTables[i] as SnapshotTable).tableIndex),
    textboxTables,
    correctedParagraphs: corrected,
    unmatchedParagraphs: unmatched,
    aligned: true,
  };
}

/**
 * For each of the package's body tables, in order, the position of the same table among the
 * host's; null when they do not line up. The host lists either the body tables only, or the
 * text-box tables too, in document order among them.
 */
function alignTables(host: SnapshotTable[], pkg: SnapshotTable[]): number[] | null {
  const body = pkg.filter((t) => t.origin !== "textbox");
  if (host.length === body.length && host.every((t, i) => sameTable(t, body[i])))
    return host.map((_, i) => i);
  if (host.length === pkg.length && host.every((t, i) => sameTable(t, pkg[i])))
    return pkg.flatMap((t, i) => (t.origin === "textbox" ? [] : [i]));
  return null;
}

function sameTable(a: SnapshotTable, b: SnapshotTable | undefined): boolean {
  if (!b || a.rows.length !== b.rows.length) return false;
  return a.rows.every((row, r) => {
    const other = b.rows[r]?.cells ?? [];
    return (
      row.cells.length === other.length &&
      row.cells.every((cell, c) => squeeze(cell.text) === squeeze(other[c]?.text ?? ""))
    );
  });
}

/** The same paragraphs, but for empty ones at the end that one reading lists and the other not. */
function sameParagraphCount(host: SnapshotParagraph[], pkg: SnapshotParagraph[]): boolean {
  const meaningful = (list: SnapshotParagraph[]) => {
    let n = list.length;
    while (n > 0 && squeeze(list[n - 1]?.text ?? "") === "") n--;
    return n;
  };
  return meaningful(host) === meaningful(pkg);
}

/**
 * The package's text where it is the host's with characters left out (hidden text, placeholder
 * text, deleted text), the host's where they are equal, null where they disagree otherwise.
 */
export function packageText(hostText: string, pkgText: string): string | null {
  if (hostText === pkgText) return hostText;
  const own = comparable(hostText);
  const theirs = comparable(pkgText);
  if (own === theirs) return hostText;
  let at = 0;
  for (const ch of theirs) {
    at = own.indexOf(ch, at);
    if (at < 0) return null;
    at += ch.length;
  }
  return pkgText;
}

/**
 * How the object model and the reader write the same characters: Word gives a manual line
 * break as U+000B and a non-breaking hyphen as U+001E; the reader gives "\n" and "-".
 */
function comparable(text: string): string {
  return text
    .replaceAll("\u000b", "\n")
    .replace(/\r\n?/g, "\n")
    .replaceAll("\u001e", "-")
    .replaceAll("\u001f", "")
    .replaceAll("\u00ad", "");
}

function squeeze(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u00a0\u3000\u200b\ufeff]/g, "");
}

function isTable(block: SnapshotBlock): block is SnapshotTable {
  return block.kind === "table";
}

function isParagraph(block: SnapshotBlock): block is SnapshotParagraph {
  return block.kind === "paragraph";
}
