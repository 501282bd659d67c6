/**
 * Styles for text only a screen reader reads (the status announcements, a finding's section):
 * out of sight but in the accessibility tree, unlike display: none.
 */
export const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;
