/**
 * The probes: each inserts what it needs, asks the host, and compares what comes back with
 * what our reader and adapters assume. They are pure functions over the probe context; the
 * runner times them, catches their failures and removes their scratch content.
 */
import { readDocument, templateFlatOpc, type SnapshotTable } from "../../core";
import {
  MERGED,
  PLAIN_ROWS,
  SCRATCH_MARK,
  mergedTablePackage,
  plainTablePackage,
} from "./scratch-content";
import type { ProbeContext, ProbeStatus, Scratch, XmlStore } from "./types";

export interface ProbeOutcome {
  status: ProbeStatus;
  observed: string;
}

export interface Probe {
  id: string;
  title: string;
  /** The package to insert as scratch content before the probe runs, if it needs one. */
  scratch?: () => string;
  run(context: ProbeContext, scratch: Scratch | null): Promise<ProbeOutcome>;
}

export const SELF_TEST_NAMESPACE = "urn:nianbao:selftest:1";

const quote = (text: string | null) => (text === null ? "（拒绝寻址）" : `“${text}”`);

const verdict = (passed: boolean, observed: string): ProbeOutcome => ({
  status: passed ? "passed" : "failed",
  observed,
});
const failed = (observed: string) => verdict(false, observed);

/** A probe on scratch content: the runner inserts `content` first and removes it afterwards. */
function onScratch(
  id: string,
  title: string,
  content: () => string,
  run: (scratch: Scratch, context: ProbeContext) => Promise<ProbeOutcome>,
): Probe {
  return {
    id,
    title,
    scratch: content,
    run(context, scratch) {
      if (!scratch) throw new Error("没有临时内容");
      return run(scratch, context);
    },
  };
}

/** Rows as the reader sees them: each cell's grid column, span, merge and text. */
export function tableShape(table: SnapshotTable): string {
  return table.rows
    .map((row) =>
      row.cells
        .map((c) => {
          const merge =
            c.verticalMerge === "restart" ? "↓" : c.verticalMerge === "continue" ? "┆" : "";
          const span = c.columnSpan > 1 ? `×${c.columnSpan}` : "";
          return `${c.gridColumn}${span}${merge}${c.text ? `:${c.text}` : ""}`;
        })
        .join(" | "),
    )
    .join(" / ");
}

function firstTable(ooxml: string): SnapshotTable | null {
  return readDocument(ooxml).blocks.find((b): b is SnapshotTable => b.kind === "table") ?? null;
}

function partNames(ooxml: string): string {
  const names = (ooxml.match(/pkg:name="[^"]+"/g) ?? []).map((m) => m.slice(10, -1));
  return names.length > 0 ? names.join("、") : "（不是 flat OPC 包）";
}

/** A probe that inserts a package and compares the table the host gives back with its own. */
const tableBack = (id: string, title: string, content: () => string): Probe =>
  onScratch(id, title, content, async (scratch) => {
    if (scratch.tablesAdded < 1)
      return failed(`插入后表格数未增加（新增 ${scratch.tablesAdded} 个）：宿主静默忽略了插入`);
    const expected = firstTable(content());
    const ooxml = await scratch.tableOoxml();
    const actual = firstTable(ooxml);
    if (!expected) throw new Error("自检内容中没有表格");
    if (!actual)
      return failed(`读回的 OOXML 中没有表格（${ooxml.length} 字符；部件：${partNames(ooxml)}）`);
    const want = tableShape(expected);
    const got = tableShape(actual);
    const parts = `OOXML ${ooxml.length} 字符，部件：${partNames(ooxml)}`;
    return want === got
      ? verdict(
          true,
          `读回的网格与插入的一致：${actual.rows.length} 行，网格 ${actual.gridColumnCount} 列（${parts}）`,
        )
      : failed(`插入：${want}；读回：${got}（${parts}）`);
  });

const ooxmlOfMergedTable = tableBack(
  "ooxml-merged",
  "合并单元格表格的 OOXML 读回",
  mergedTablePackage,
);

/**
 * Our reader numbers cells by their w:tc position: a vertical-merge continuation counts, a
 * horizontally merged cell counts once. Which index reaches 自检B2 tells the host's rule.
 */
const cellAddressing = onScratch(
  "cell-addressing",
  "跨纵向合并的单元格寻址（getCell / Cell(r,c)）",
  mergedTablePackage,
  async (s) => {
    const t = MERGED.texts;
    const at = async (row: number, column: number) =>
      [`(${row},${column})`, await s.cellText(row, column)] as const;
    const seen = [await at(1, 0), await at(1, 1), await at(1, 2), await at(2, 0), await at(2, 1)];
    const text = new Map(seen);
    const raw = seen.map(([key, value]) => `${key}=${quote(value)}`).join("；");
    const spanOk = text.get("(2,0)") === t.a3 && text.get("(2,1)") === t.c3;
    const span = spanOk ? "横向合并的单元格计为一个" : "横向合并的寻址与预期不同";
    if (text.get("(1,1)") === t.b2 && text.get("(1,2)") === t.c2)
      return verdict(
        spanOk,
        `续行单元格计入（与 OOXML 的 w:tc 顺序一致，即本程序的假设）；${span}。行列从 0 起：${raw}`,
      );
    if (text.get("(1,0)") === t.b2 && text.get("(1,1)") === t.c2)
      return failed(
        `续行单元格不计入（与本程序读取 OOXML 的编号不同，写入前须改用此寻址）；${span}。行列从 0 起：${raw}`,
      );
    return failed(`两种寻址都不符合。行列从 0 起：${raw}`);
  },
);

const trackedDeletedRow = onScratch(
  "tracked-row",
  "修订状态下删除的行的寻址（可选）",
  plainTablePackage,
  async (s) => {
    if (!s.deleteRowTracked)
      return { status: "skipped", observed: "此宿主无法在修订状态下删除行（缺少相应 API）" };
    await s.deleteRowTracked(1);
    const host = await s.cellText(1, 0);
    const table = firstTable(await s.tableOoxml());
    const reader = table?.rows[1]?.cells[0]?.text ?? null;
    const kept = host === PLAIN_ROWS[1] ? "被删除的行仍可按索引访问" : "被删除的行不再计入";
    return verdict(
      host === reader,
      `删除第 2 行后，宿主第 2 行读作 ${quote(host)}（${kept}）；本程序从 OOXML 读出 ${table?.rows.length ?? 0} 行，第 2 行为 ${quote(reader)}`,
    );
  },
);

const SHADE = "#FFC7CE";

const shading = onScratch("shading", "单元格底纹写入与读回", mergedTablePackage, async (s) => {
  const untouched = await s.shading(0, 2);
  await s.setShading(0, 1, SHADE);
  const back = await s.shading(0, 1);
  return verdict(
    back.color?.toUpperCase() === SHADE,
    `写入 ${SHADE}，读回 ${back.color ?? "无"}（原始值 ${back.raw}）；未设底纹的单元格读作 ${untouched.color ?? "无"}（原始值 ${untouched.raw}）`,
  );
});

const comment = onScratch("comment", "批注添加与删除", mergedTablePackage, async (s) => {
  // Scratch by its mark, like every text the self-test writes; never a finding's style.
  const text = `${SCRATCH_MARK}批注 ${nonce()}`;
  const note = await s.addComment(0, 1, text);
  const found = (await s.comments()).filter((c) => c.text.includes(text));
  if (found.length === 0) return failed("添加后找不到该批注");
  const author = found[0]?.author ?? null;
  const removed = await s.removeComments(text);
  const left = (await s.comments()).filter((c) => c.text.includes(text)).length;
  return verdict(
    removed >= 1 && left === 0,
    `${note}；作者读作 ${author === null ? "（未提供）" : `“${author}”`}；删除 ${removed} 条，删除后${left === 0 ? "已不存在" : `仍有 ${left} 条`}`,
  );
});

/** One probe per store, each also reading through the other stores (the same part?). */
function customXmlProbe(store: XmlStore): Probe {
  return {
    id: `custom-xml:${store.name}`,
    title: `自定义 XML 部件写入与读取（${store.name}）`,
    async run(context) {
      const mark = nonce();
      const xml = `<selfTest xmlns="${SELF_TEST_NAMESPACE}" run="${mark}">${SCRATCH_MARK}</selfTest>`;
      const has = (parts: string[]) => parts.some((p) => p.includes(`run="${mark}"`));
      await store.add(xml);
      try {
        const back = has(await store.read(SELF_TEST_NAMESPACE));
        const others: string[] = [];
        for (const other of context.xmlStores) {
          if (other === store) continue;
          const seen = has(await other.read(SELF_TEST_NAMESPACE));
          others.push(`经 ${other.name} ${seen ? "也能读到" : "读不到"}`);
        }
        return verdict(
          back,
          [back ? "写入后读回一致" : "写入后按命名空间读不到", ...others].join("；"),
        );
      } finally {
        await store.remove(SELF_TEST_NAMESPACE);
      }
    },
  };
}

const noXmlStore: Probe = {
  id: "custom-xml",
  title: "自定义 XML 部件写入与读取",
  run: async () => ({
    status: "skipped",
    observed: "此宿主没有可用的自定义 XML 部件 API（标记记录与忽略项只能保存在本次会话中）",
  }),
};

const TEMPLATE_PART = () => templateFlatOpc({ format: "2021", year: 2025 }, { table: "table2" });

const templateInsert = tableBack(
  "insert-template",
  "插入模板部件（insertOoxml / InsertXML）",
  TEMPLATE_PART,
);

const undo: Probe = {
  id: "undo",
  title: "撤销记录（UndoRecord）",
  async run(context) {
    if (!context.undo)
      return {
        status: "skipped",
        observed: "Office.js 没有撤销分组 API：本程序的每次写入在 Word 中是多个撤销步骤",
      };
    return { status: "passed", observed: await context.undo() };
  },
};

const codePoints = (text: string) =>
  [...text]
    .map((ch) =>
      /[\u4e00-\u9fff\w]/.test(ch)
        ? ch
        : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
    )
    .join(" ");

const lineBreak = onScratch(
  "line-break",
  "手动换行符（Shift+Enter）的段落文本",
  mergedTablePackage,
  async (s) => {
    const texts = await s.paragraphTexts();
    const holder = texts.find((t) => t.includes(MERGED.before));
    if (holder === undefined) return failed(`找不到插入的段落（读到 ${texts.length} 段）`);
    if (!holder.includes(MERGED.after))
      return failed(`换行处被拆成两段：${texts.map((t) => `“${t}”`).join("、")}`);
    const start = holder.indexOf(MERGED.before) + MERGED.before.length;
    const between = holder.slice(start, holder.indexOf(MERGED.after));
    return verdict(true, `同一段落，换行处的字符为 ${between ? codePoints(between) : "（无）"}`);
  },
);

let counter = 0;
function nonce(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
}

/** Every probe, in the order they run; the custom XML probes follow the host's stores. */
export function probesFor(context: ProbeContext): Probe[] {
  const stores = context.xmlStores.map(customXmlProbe);
  return [
    ooxmlOfMergedTable,
    cellAddressing,
    trackedDeletedRow,
    shading,
    comment,
    ...(stores.length > 0 ? stores : [noXmlStore]),
    templateInsert,
    undo,
    lineBreak,
  ];
}
