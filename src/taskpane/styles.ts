/** The layout classes the pane's views share, so that each view looks like the others. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSharedStyles = makeStyles({
  /** A whole view (the pane, the file check, the self-test, a host problem): one column. */
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  /** A row of buttons, wrapping when the pane is narrow. */
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  /** A list of findings without bullets. */
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  /** An item of such a list: its severity icon, then its text. */
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  heading: { margin: 0 },
  message: { wordBreak: "break-word" },
  /**
   * Text only a screen reader reads (the status announcements, a finding's section): out of
   * sight but in the accessibility tree, unlike display: none.
   */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});
