/**
 * Paints the page itself in the theme's colours. FluentProvider colours only its own box, so
 * without this the body's default white shows around and below the pane in the dark theme.
 */
import type { Theme } from "@fluentui/react-components";

export function applyPageTheme(theme: Theme, dark: boolean, page: Document = document): void {
  const root = page.documentElement;
  root.style.colorScheme = dark ? "dark" : "light";
  root.style.backgroundColor = theme.colorNeutralBackground1;
  page.body.style.margin = "0";
  page.body.style.backgroundColor = theme.colorNeutralBackground1;
  page.body.style.color = theme.colorNeutralForeground1;
}
