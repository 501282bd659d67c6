/**
 * Asked before marking or clearing where the host cannot pause track changes (Word without WordApi 1.4):
 * our shading would otherwise be recorded as the user's tracked formatting changes.
 */
import { Button } from "@fluentui/react-components";
import { Question } from "./Message";
import { STRINGS } from "./strings";

export type TrackingAnswer = "proceed" | "checkOnly" | "cancel";

export function TrackingQuestion({
  offerCheckOnly,
  onAnswer,
}: {
  offerCheckOnly: boolean;
  onAnswer: (answer: TrackingAnswer) => void;
}) {
  const text = STRINGS.trackingConfirm;
  return (
    <Question
      title={text.title}
      actions={
        <>
          <Button size="small" appearance="primary" onClick={() => onAnswer("proceed")}>
            {text.proceed}
          </Button>
          {offerCheckOnly && (
            <Button size="small" onClick={() => onAnswer("checkOnly")}>
              {text.checkOnly}
            </Button>
          )}
          <Button size="small" onClick={() => onAnswer("cancel")}>
            {text.cancel}
          </Button>
        </>
      }
    >
      {text.text}
    </Question>
  );
}
