/**
 * The departures recognition found from each table's statutory layout, in words. Recognition
 * reports them as data (StructureIssue); this rule says them and decides how grave each is: a
 * missing part is an error, the rest (extra, renamed, repeated) warnings. Table 四's column
 * heads, often cut short in every group, are one finding per table listing them all.
 */
import { rowName, TABLE_SHORT_NAMES } from "../formats/describe";
import type { ReportFormat, TableId } from "../formats/types";
import { missesPart, type RecognizedTable, type StructureIssue } from "../recognize/model";
import { cellAnchor, type Anchor, type Rule, type RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

type HeadIssue = Extract<StructureIssue, { kind: "head-renamed" | "head-missing" }>;

export const tableStructure: Rule<"table-structure"> = {
  meta: {
    id: "table-structure",
    severity: "warning",
    name: "表格行列与法定格式不符",
    description: "表格的行、列缺失、多出、改名或顺序不对（缺失为错误，其余为警告）",
    remedy: "请对照法定表格修改。",
    basis: `${FORMAT_2021_NOTICE}附件表二、表三、表四的行列与表述；一、报告内容：“不能遗漏，也不宜泛化”`,
  },
  check({ model }) {
    return Object.values(model.tables).flatMap((table) => tableFindings(table, model.spec));
  },
};

function tableFindings(table: RecognizedTable, spec: ReportFormat): RuleFinding[] {
  const heads = table.id === "table4" ? table.issues.filter(isHead) : [];
  const findings: RuleFinding[] = [];
  for (const issue of table.issues) {
    if (heads.length > 1 && isHead(issue)) {
      if (issue === heads[0]) findings.push(headsFinding(table.id, heads, spec));
      continue;
    }
    const anchor = issue.anchor ? cellAnchor(issue.anchor) : null;
    findings.push({
      ...(missesPart(issue) && { severity: "error" as const }),
      message: describe(issue, spec),
      location: locationOf(issue),
      anchors: anchor ? [anchor] : [],
    });
  }
  return findings;
}

function isHead(issue: StructureIssue): issue is HeadIssue {
  return issue.kind === "head-renamed" || issue.kind === "head-missing";
}

function describe(issue: StructureIssue, spec: ReportFormat): string {
  const table = TABLE_SHORT_NAMES[issue.table];
  switch (issue.kind) {
    case "row-missing":
      return `${table}缺少“${issue.label}”行`;
    case "row-extra":
      return `${table}多出一行“${issue.written}”，不属于法定格式，未参与计算`;
    case "row-renamed":
      return `${table}行标题“${issue.written}”与法定表述“${issue.label}”不一致`;
    case "row-repeated":
      return `${table}“${rowName(spec, issue.table, issue.row)}”行重复出现，只计第一行`;
    case "row-unlabelled":
      return `${table}有一行数据没有行标题，未参与计算`;
    case "group-with-figures":
      return `${table}“${issue.written}”是分组标题，不应有数据（小计行不参与计算）`;
    case "head-renamed":
      return issue.group === undefined
        ? `${table}表头“${issue.written}”与法定表头“${issue.label}”不一致`
        : `${table}“${rowName(spec, issue.table, issue.group)}”下的表头“${issue.written}”与法定表头“${issue.label}”不一致`;
    case "head-missing":
      return `${table}“${rowName(spec, issue.table, issue.group)}”下缺少表头“${issue.label}”`;
    case "figures-missing":
      return `${table}缺少数据行`;
  }
}

function locationOf(issue: StructureIssue): RuleFinding["location"] {
  const at = (row: string | null, column: string | null) => ({ table: issue.table, row, column });
  switch (issue.kind) {
    case "row-missing":
    case "row-renamed":
    case "row-repeated":
      return at(issue.row, null);
    case "head-renamed":
      return at(issue.group ?? null, issue.column);
    case "head-missing":
      return at(issue.group, issue.column);
    default:
      return at(null, null);
  }
}

/**
 * Several heads of table 四 in one finding: what each should read, said once for the heads
 * that are the same in every group (各组) and per group for the others.
 */
function headsFinding(table: TableId, heads: HeadIssue[], spec: ReportFormat): RuleFinding {
  const groupCount = spec.table4.groups.length;
  // One entry per distinct head (what is written, or missing, for which column), with its groups.
  const entries = new Map<string, { text: string; groups: string[] }>();
  for (const head of heads) {
    const text =
      head.kind === "head-renamed" ? `“${head.written}”应为“${head.label}”` : `缺少“${head.label}”`;
    const entry = entries.get(text) ?? { text, groups: [] };
    entry.groups.push(head.group ?? "");
    entries.set(text, entry);
  }
  // Entries about the same groups share one scope: 各组…；“行政复议”下….
  const scopes = new Map<string, string[]>();
  for (const { text, groups } of entries.values()) {
    const scope =
      groups.length === groupCount
        ? "各组"
        : `${groups.map((g) => `“${rowName(spec, table, g)}”`).join("")}下`;
    scopes.set(scope, [...(scopes.get(scope) ?? []), text]);
  }
  const listed = [...scopes].map(([scope, texts]) => `${scope}${texts.join("、")}`).join("；");
  return {
    message: `${TABLE_SHORT_NAMES[table]}有 ${heads.length} 处表头与法定表头不一致：${listed}`,
    location: { table, row: null, column: null },
    anchors: heads
      .map((h) => (h.anchor ? cellAnchor(h.anchor) : null))
      .filter((a): a is Anchor => a !== null),
  };
}
