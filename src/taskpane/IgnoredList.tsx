/** What is ignored in this document, with a way back for each. */
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { RULE_NAMES, type CheckResult, type Ignore, type IgnoreResult } from "../core";
import { reportTitle } from "./groups";
import { SeverityIcon } from "./SeverityIcon";
import { useSharedStyles } from "./styles";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  text: { display: "flex", flexDirection: "column" },
});

/** In a document of several reports (a 汇编), an ignore made here names whose report it is in. */
export function IgnoredList({
  ignores,
  reports,
  disabled,
  onRestore,
}: {
  ignores: IgnoreResult;
  reports: CheckResult["reports"];
  disabled: boolean;
  onRestore: (ignore: Ignore) => void;
}) {
  const shared = useSharedStyles();
  const styles = useStyles();
  if (ignores.ignored.length === 0) return null;
  const byRule = new Map<Ignore, number>();
  for (const { ignore } of ignores.ignored) byRule.set(ignore, (byRule.get(ignore) ?? 0) + 1);
  return (
    <details>
      <summary>{STRINGS.ignoredTitle(ignores.ignored.length)}</summary>
      <ul className={styles.list}>
        {[...byRule.keys()].map((ignore, index) => {
          const example = ignores.ignored.find((i) => i.ignore === ignore)?.finding;
          return (
            <li key={index} className={shared.item}>
              {example && <SeverityIcon severity={example.severity} />}
              <span className={styles.text}>
                {ignore.scope === "here" && reports.length > 1 && example && (
                  <Caption1>{reportTitle(reports[example.report] ?? reports[0]!)}</Caption1>
                )}
                <Body1>
                  {ignore.scope === "rule"
                    ? STRINGS.ignoredRule(RULE_NAMES[ignore.rule])
                    : (example?.message ?? ignore.message)}
                </Body1>
              </span>
              <Button size="small" disabled={disabled} onClick={() => onRestore(ignore)}>
                {STRINGS.actions.restore}
              </Button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
