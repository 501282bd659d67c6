/**
 * A message bar as the pane shows most of them: an optional title, the text, and optional action
 * buttons; several lines unless a layout is given. A question is a warning that asks for an
 * answer inline (never window.confirm), announced as an alert dialog named by its title.
 */
import type { ReactNode } from "react";
import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarProps,
} from "@fluentui/react-components";

export function Message({
  title,
  actions,
  children,
  ...bar
}: {
  intent: MessageBarProps["intent"];
  title?: string;
  actions?: ReactNode;
  layout?: MessageBarProps["layout"];
  children: ReactNode;
  role?: string;
  "aria-label"?: string;
}) {
  return (
    <MessageBar layout="multiline" {...bar}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}

export function Question({
  title,
  actions,
  children,
}: {
  title: string;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Message intent="warning" role="alertdialog" aria-label={title} title={title} actions={actions}>
      {children}
    </Message>
  );
}
