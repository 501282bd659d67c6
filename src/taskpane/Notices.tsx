/** Message bars: what happened, why, and what to do, each dismissible. */
import { Button } from "@fluentui/react-components";
import { Message } from "./Message";
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
        <Message
          key={`${index}-${notice.text}`}
          intent={notice.intent}
          title={notice.title}
          actions={
            <Button size="small" appearance="transparent" onClick={() => onDismiss(index)}>
              {STRINGS.dismiss}
            </Button>
          }
        >
          {notice.text}
        </Message>
      ))}
    </>
  );
}
