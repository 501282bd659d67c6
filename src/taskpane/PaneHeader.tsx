/** The top of the pane and of the file check: the name, the privacy line, then the links given. */
import type { ReactNode } from "react";
import { Caption1, Subtitle2 } from "@fluentui/react-components";
import { useSharedStyles } from "./styles";
import { STRINGS } from "./strings";

export function PaneHeader({ children }: { children: ReactNode }) {
  const shared = useSharedStyles();
  return (
    <header className={shared.header}>
      <Subtitle2 as="h1">{STRINGS.appName}</Subtitle2>
      <Caption1>{STRINGS.privacy}</Caption1>
      {children}
    </header>
  );
}
