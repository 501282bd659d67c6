/**
 * Findings grouped by report (when the document holds several) and by section, each group
 * collapsible. Each finding is one button (click or Enter jumps to it; arrow keys move through
 * the list), with its ignore actions in a menu, the cells it covers (each one selects its cell)
 * and, for a missing section or table, the offer to insert it. A screen reader reads each
 * finding as its severity word, its section and its message.
 */
import { useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  ChevronDown16Regular,
  ChevronRight16Regular,
  MoreHorizontal16Regular,
} from "@fluentui/react-icons";
import {
  TABLE_SHORT_NAMES,
  columnName,
  formatSpec,
  rowName,
  type Anchor,
  type CheckResult,
  type Finding,
  type ReportFormat,
  type TableId,
  type TemplatePart,
} from "../core";
import type { ReportGroup, SectionGroup } from "./groups";
import { SeverityIcon } from "./SeverityIcon";
import { STRINGS } from "./strings";
import { useSharedStyles } from "./styles";
import { missingPart } from "./template-choice";

const useStyles = makeStyles({
  report: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  toggle: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    height: "auto",
    paddingLeft: 0,
    gap: tokens.spacingHorizontalXS,
  },
  toggleTitle: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  reportTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold },
  item: {
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  current: { borderLeftColor: tokens.colorBrandStroke1 },
  row: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXXS },
  finding: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    textAlign: "start",
    justifyContent: "flex-start",
    flexGrow: 1,
    minWidth: 0,
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  more: { flexShrink: 0 },
  extras: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
  cell: { minWidth: 0, height: "auto", textAlign: "start" },
});

export interface FindingListProps {
  result: CheckResult;
  /** The findings to list, grouped (the severity filter already applied). */
  groups: ReportGroup[];
  current: Finding | null;
  /** Changes when 上一个 / 下一个 moved to `current`: focus goes to it. */
  focusRequest?: number;
  disabled: boolean;
  onJump: (finding: Finding, anchor?: Anchor) => void;
  onIgnore: (finding: Finding, scope: "here" | "rule") => void;
  onInsertPart: (part: TemplatePart, report: number) => void;
}

export function FindingList(props: FindingListProps) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const severalReports = (props.result.reports?.length ?? 1) > 1;

  // The group holding the current finding opens, so 上一个 / 下一个 never land out of sight.
  // Adjusted while rendering when the selection changes (not in an effect, which would render
  // twice); the user may fold the group again afterwards.
  const { current, groups, focusRequest } = props;
  const [openedFor, setOpenedFor] = useState<{ current: unknown; groups: unknown } | null>(null);
  if (current && (openedFor?.current !== current || openedFor.groups !== groups)) {
    setOpenedFor({ current, groups });
    const report = groups.find((r) => r.sections.some((s) => s.findings.includes(current)));
    const section = report?.sections.find((s) => s.findings.includes(current));
    if (report && section && (collapsed.has(report.key) || collapsed.has(section.key))) {
      const next = new Set(collapsed);
      next.delete(report.key);
      next.delete(section.key);
      setCollapsed(next);
    }
  }

  // After 上一个 / 下一个 (its group opened by the effect above), focus follows the selection.
  // Each request is served once: collapsing a group later must not pull focus back.
  const served = useRef(0);
  useEffect(() => {
    if (!focusRequest || served.current === focusRequest) return;
    const button = list.current?.querySelector<HTMLElement>('button[aria-current="true"]');
    if (!button) return; // its group is still opening; this runs again once it is open
    served.current = focusRequest;
    button.focus();
  }, [focusRequest, collapsed]);

  const toggle = (key: string) =>
    setCollapsed((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const sections = (report: ReportGroup, level: 2 | 3) =>
    report.sections.map((section) => (
      <Section
        key={section.key}
        level={level}
        section={section}
        open={!collapsed.has(section.key)}
        onToggle={() => toggle(section.key)}
        {...props}
      />
    ));

  if (props.groups.length === 0) return null;
  return (
    <div aria-label={STRINGS.findingsLabel} role="region" ref={list} onKeyDown={moveFocus}>
      {props.groups.map((report) =>
        severalReports ? (
          <section key={report.key} className={styles.report} aria-label={report.title}>
            <GroupToggle
              level={2}
              title={report.title}
              detail={STRINGS.counts(
                report.counts.error,
                report.counts.warning,
                report.counts.info,
              )}
              open={!collapsed.has(report.key)}
              onToggle={() => toggle(report.key)}
              titleClass={styles.reportTitle}
            />
            {!collapsed.has(report.key) && sections(report, 3)}
          </section>
        ) : (
          sections(report, 2)
        ),
      )}
    </div>
  );
}

function GroupToggle({
  level,
  title,
  detail,
  open,
  onToggle,
  titleClass,
}: {
  level: 2 | 3;
  title: string;
  detail: string;
  open: boolean;
  onToggle: () => void;
  titleClass: string;
}) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Heading className={shared.heading}>
      <Button
        appearance="subtle"
        className={styles.toggle}
        aria-expanded={open}
        title={open ? STRINGS.group.collapse(title) : STRINGS.group.expand(title)}
        icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        data-group={title}
        onClick={onToggle}
      >
        <span className={styles.toggleTitle}>
          <span className={titleClass}>{title}</span>
          <Caption1>{detail}</Caption1>
        </span>
      </Button>
    </Heading>
  );
}

function Section({
  level,
  section,
  open,
  onToggle,
  ...props
}: FindingListProps & {
  level: 2 | 3;
  section: SectionGroup;
  open: boolean;
  onToggle: () => void;
}) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const count = section.findings.length;
  return (
    <section aria-label={section.title}>
      <GroupToggle
        level={level}
        title={section.title}
        detail={open ? "" : STRINGS.group.hidden(count)}
        open={open}
        onToggle={onToggle}
        titleClass={styles.sectionTitle}
      />
      {open && (
        <ul className={shared.list}>
          {section.findings.map((finding, i) => (
            <FindingItem key={i} finding={finding} sectionTitle={section.title} {...props} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FindingItem({
  finding,
  sectionTitle,
  result,
  current,
  disabled,
  onJump,
  onIgnore,
  onInsertPart,
}: FindingListProps & { finding: Finding; sectionTitle: string }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const isCurrent = finding === current;
  const part = missingPart(finding);
  const cells = cellButtons(result, finding);
  // Shading alone never says which cell: a finding located at a cell names it.
  const markedCell = cells.length === 0 ? singleCellName(result, finding) : null;
  return (
    <li className={mergeClasses(styles.item, isCurrent && styles.current)}>
      <div className={styles.row}>
        <Button
          appearance="subtle"
          className={styles.finding}
          aria-current={isCurrent ? "true" : undefined}
          data-finding={finding.rule}
          onClick={() => onJump(finding)}
        >
          <SeverityIcon severity={finding.severity} />
          <span className={shared.hidden}>{STRINGS.findingSection(sectionTitle)}</span>
          <span className={shared.message}>{finding.message}</span>
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button
              size="small"
              appearance="subtle"
              className={styles.more}
              disabled={disabled}
              icon={<MoreHorizontal16Regular />}
              aria-label={STRINGS.actions.more}
              title={STRINGS.actions.more}
            />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => onIgnore(finding, "here")}>
                {STRINGS.actions.ignoreHere}
              </MenuItem>
              <MenuItem onClick={() => onIgnore(finding, "rule")}>
                {STRINGS.actions.ignoreRule}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      {(cells.length > 0 || part || markedCell) && (
        <div className={styles.extras}>
          {markedCell && <Caption1>{STRINGS.cells.marked(markedCell)}</Caption1>}
          {cells.length > 0 && <Caption1>{STRINGS.cells.label}</Caption1>}
          {cells.map(({ label, anchor }, i) => (
            <Button
              key={i}
              size="small"
              className={styles.cell}
              data-cell-of={finding.rule}
              onClick={() => onJump(finding, anchor)}
            >
              {label}
            </Button>
          ))}
          {part && (
            <Button
              size="small"
              disabled={disabled}
              onClick={() => onInsertPart(part, finding.report ?? 0)}
            >
              {STRINGS.actions.insertPart}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * ↑ / ↓ (and Home / End) move focus through the list's buttons, as a list of links would;
 * Tab still reaches every button. Alt+↑ / Alt+↓ are the pane's 上一个 / 下一个.
 */
function moveFocus(event: React.KeyboardEvent<HTMLElement>) {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (event.altKey || event.ctrlKey || event.metaKey || !keys.includes(event.key)) return;
  const buttons = Array.from(
    // Menu buttons keep ↑ / ↓ for their menu (Fluent opens it on ↓); Tab reaches them.
    event.currentTarget.querySelectorAll<HTMLElement>(
      "button:not([disabled]):not([aria-haspopup])",
    ),
  );
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const to =
    event.key === "Home"
      ? 0
      : event.key === "End"
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)));
  buttons[to]?.focus();
  event.preventDefault();
}

/** One button per cell of a finding about several cells, each with the anchor that selects it. */
function cellButtons(result: CheckResult, finding: Finding): { label: string; anchor: Anchor }[] {
  const cells = finding.cells;
  const location = finding.location;
  if (!cells || cells.length < 2 || !("table" in location)) return [];
  const report = result.reports?.[finding.report] ?? result;
  const format = formatSpec(report.format);
  const buttons: { label: string; anchor: Anchor }[] = [];
  cells.forEach((cell, i) => {
    const anchor = finding.anchors[i];
    if (!anchor) return;
    const name = cellLabel(format, location.table, cell.row, cell.column);
    const expected = cell.expected === undefined ? "" : STRINGS.cells.expected(cell.expected);
    buttons.push({ label: `${name}${expected}`, anchor });
  });
  return buttons;
}

/** The cell a finding is located at (its first mark), in words (表四 行政复议 · 总计), or null. */
function singleCellName(result: CheckResult, finding: Finding): string | null {
  const location = finding.location;
  if (finding.anchors[0]?.kind !== "cell" || !("table" in location)) return null;
  if (location.row == null && location.column == null) return null;
  const format = formatSpec((result.reports?.[finding.report] ?? result).format);
  const name = cellLabel(format, location.table, location.row ?? null, location.column ?? null);
  return name ? `${TABLE_SHORT_NAMES[location.table]} ${name}` : null;
}

function cellLabel(
  format: ReportFormat,
  table: TableId,
  rowKey: string | null,
  columnKey: string | null,
): string {
  const row = rowKey === null ? "" : rowName(format, table, rowKey);
  const column = columnKey === null ? "" : columnName(format, table, columnKey);
  return row && column ? STRINGS.cells.cell(row, column) : row || column;
}

export function NoFindings({ filtered }: { filtered: boolean }) {
  return <Body1>{filtered ? STRINGS.noneShown : STRINGS.noFindings}</Body1>;
}
