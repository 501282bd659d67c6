/**
 * The demo's stand-in for Word: the in-memory document drawn as a page, with cell shading,
 * comments in the margin and the selection outlined and scrolled into view, so what the pane
 * does to a document can be seen without Word.
 */
import { useEffect, useRef, useSyncExternalStore } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SnapshotTable } from "../core";
import type { MemoryDocument, Target } from "../hosts/memory/memory-document";
import { DEMO_STRINGS } from "./strings";

const useStyles = makeStyles({
  page: {
    backgroundColor: "#ffffff",
    color: "#000000",
    maxWidth: "800px",
    margin: "0 auto",
    padding: "48px 56px",
    boxShadow: tokens.shadow8,
    fontFamily: "'Noto Serif CJK SC', 'Songti SC', SimSun, serif",
    lineHeight: 1.8,
  },
  heading: { fontWeight: 700 },
  center: { textAlign: "center" },
  table: { borderCollapse: "collapse", width: "100%", margin: "8px 0", fontSize: "12px" },
  cell: { border: "1px solid #000", padding: "2px 4px", textAlign: "center" },
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  comment: {
    fontSize: "12px",
    borderLeft: "3px solid #c19c00",
    backgroundColor: "#fff8dc",
    padding: "2px 6px",
    margin: "2px 0 6px",
  },
});

export function DocumentView({ document }: { document: MemoryDocument }) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    (listener) => document.subscribe(listener),
    () => document.version,
  );
  const selectedRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center" });
  }, [version]);

  const isSelected = (target: Target) => {
    const s = document.selection;
    if (!s || s.kind !== target.kind) return false;
    return s.kind === "paragraph"
      ? target.kind === "paragraph" && s.paragraph === target.paragraph
      : target.kind === "cell" && s.cell === target.cell;
  };
  const commentsOn = (match: (t: Target) => boolean) =>
    document.comments.filter((c) => match(c.target));

  return (
    <article className={styles.page} aria-label={DEMO_STRINGS.documentLabel} data-version={version}>
      {document.blocks.map((block, i) => {
        if (block.kind === "paragraph") {
          const target: Target = { kind: "paragraph", paragraph: block };
          const selected = isSelected(target);
          return (
            <div key={i}>
              <p
                ref={selected ? (e) => void (selectedRef.current = e) : undefined}
                className={mergeClasses(
                  block.headingLevel !== null && styles.heading,
                  block.alignment === "center" && styles.center,
                  selected && styles.selected,
                )}
                data-paragraph={block.paragraphIndex}
              >
                {block.text || " "}
              </p>
              <Comments
                styles={styles}
                comments={commentsOn((t) => t.kind === "paragraph" && t.paragraph === block)}
              />
            </div>
          );
        }
        return (
          <TableView
            key={i}
            table={block}
            styles={styles}
            isSelected={isSelected}
            selectedRef={selectedRef}
            comments={commentsOn((t) => t.kind === "cell" && t.table === block)}
          />
        );
      })}
    </article>
  );
}

type Styles = ReturnType<typeof useStyles>;

function Comments({ styles, comments }: { styles: Styles; comments: MemoryDocument["comments"] }) {
  return (
    <>
      {comments.map((c) => (
        <aside key={c.id} className={styles.comment} data-comment={c.id}>
          {DEMO_STRINGS.comment(c.author, c.text)}
        </aside>
      ))}
    </>
  );
}

function TableView({
  table,
  styles,
  isSelected,
  selectedRef,
  comments,
}: {
  table: SnapshotTable;
  styles: Styles;
  isSelected: (t: Target) => boolean;
  selectedRef: React.MutableRefObject<HTMLElement | null>;
  comments: MemoryDocument["comments"];
}) {
  return (
    <>
      <table className={styles.table} data-table={table.tableIndex}>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.cells.map((cell, c) => {
                if (cell.verticalMerge === "continue") return null;
                const selected = isSelected({ kind: "cell", table, cell });
                return (
                  <td
                    key={c}
                    ref={selected ? (e) => void (selectedRef.current = e) : undefined}
                    colSpan={cell.columnSpan}
                    rowSpan={cell.rowSpan}
                    className={mergeClasses(styles.cell, selected && styles.selected)}
                    style={cell.shading ? { backgroundColor: cell.shading } : undefined}
                    data-cell={`${table.tableIndex}/${r}/${c}`}
                    data-shading={cell.shading ?? ""}
                  >
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Comments styles={styles} comments={comments} />
    </>
  );
}
