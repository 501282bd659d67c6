/** Severity as an icon and a word, never as colour alone. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Regular, Warning16Filled } from "@fluentui/react-icons";
import type { Severity } from "../core";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    flexShrink: 0,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  label: { fontWeight: tokens.fontWeightSemibold },
});

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Regular };

export function SeverityIcon({ severity, label }: { severity: Severity; label?: string }) {
  const styles = useStyles();
  const Icon = ICONS[severity];
  return (
    <span className={styles.root}>
      <Icon className={styles[severity]} aria-hidden="true" />
      <span className={styles.label}>{label ?? STRINGS.severity[severity]}</span>
    </span>
  );
}
