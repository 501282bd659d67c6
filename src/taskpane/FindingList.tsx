/**
 * Findings grouped by section. Each finding is one button (click or Enter jumps to it; arrow
 * keys move between findings), followed by its ignore actions and, for a missing section or
 * table, the offer to insert it.
 */
import {
  Body1,
  Button,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import type { CheckResult, Finding, TemplatePart } from "../core";
import { groupFindings } from "./groups";
import { SeverityIcon } from "./SeverityIcon";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  current: { borderLeftColor: tokens.colorBrandStroke1 },
  finding: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    textAlign: "start",
    justifyContent: "flex-start",
    width: "100%",
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  message: { wordBreak: "break-word" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

const IGNORE_SCOPES = [
  ["here", STRINGS.actions.ignoreHere],
  ["rule", STRINGS.actions.ignoreRule],
] as const;

export interface FindingListProps {
  result: CheckResult;
  findings: Finding[];
  current: number;
  disabled: boolean;
  onJump(finding: Finding): void;
  onIgnore(finding: Finding, scope: "here" | "rule"): void;
  onInsertPart(part: TemplatePart): void;
}

export function FindingList(props: FindingListProps) {
  const styles = useStyles();
  const navigation = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  if (props.findings.length === 0) return <Body1>{STRINGS.noFindings}</Body1>;
  return (
    <div aria-label={STRINGS.findingsLabel} role="region" {...navigation}>
      {groupFindings(props.result, props.findings).map((group) => (
        <section key={group.key} aria-label={group.title}>
          <Subtitle2 as="h2">{group.title}</Subtitle2>
          <ul className={styles.list}>
            {group.findings.map((finding) => (
              <FindingItem key={props.findings.indexOf(finding)} finding={finding} {...props} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function FindingItem({
  finding,
  findings,
  current,
  disabled,
  onJump,
  onIgnore,
  onInsertPart,
}: FindingListProps & { finding: Finding }) {
  const styles = useStyles();
  const isCurrent = findings.indexOf(finding) === current;
  const part = missingPart(finding);
  return (
    <li className={mergeClasses(styles.item, isCurrent && styles.current)}>
      <Button
        appearance="subtle"
        className={styles.finding}
        aria-current={isCurrent ? "true" : undefined}
        data-finding={finding.rule}
        onClick={() => onJump(finding)}
      >
        <SeverityIcon severity={finding.severity} />
        <span className={styles.message}>{finding.message}</span>
      </Button>
      <div className={styles.actions}>
        {part && (
          <Button size="small" disabled={disabled} onClick={() => onInsertPart(part)}>
            {STRINGS.actions.insertPart}
          </Button>
        )}
        {IGNORE_SCOPES.map(([scope, label]) => (
          <Button
            key={scope}
            size="small"
            appearance="transparent"
            disabled={disabled}
            onClick={() => onIgnore(finding, scope)}
          >
            {label}
          </Button>
        ))}
      </div>
    </li>
  );
}

function missingPart(finding: Finding): TemplatePart | null {
  const location = finding.location;
  if (finding.rule === "section-missing" && "section" in location)
    return { section: location.section };
  if (finding.rule === "table-missing" && "table" in location && !("row" in location))
    return { table: location.table };
  return null;
}
