/** Message bars: what happened, why, and what to do, each dismissible. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { STRINGS } from "./strings";

export interface Notice {
  intent: "info" | "success" | "warning" | "error";
  title?: string;
  text: string;
}

export function Notices({
  notices,
  onDismiss,
}: {
  notices: Notice[];
  onDismiss: (index: number) => void;
}) {
  return (
    <>
      {notices.map((notice, index) => (
        <MessageBar key={`${index}-${notice.text}`} intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => onDismiss(index)}>
              {STRINGS.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </>
  );
}
