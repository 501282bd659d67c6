/** What is ignored in this document, with a way back for each. */
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { RULE_NAMES, type Ignore, type IgnoreResult } from "../core";
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
});

export function IgnoredList({
  ignores,
  disabled,
  onRestore,
}: {
  ignores: IgnoreResult;
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
              <Body1>
                {ignore.scope === "rule"
                  ? STRINGS.ignoredRule(RULE_NAMES[ignore.rule])
                  : (example?.message ?? ignore.message)}
              </Body1>
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
