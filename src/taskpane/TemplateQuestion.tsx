/**
 * Asked when 插入模板 is pressed in a document that already holds a report: insert only what is
 * missing, insert a whole second report anyway, or nothing. Inline, never window.confirm.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { TemplateOptions } from "../core";
import { Question } from "./Message";
import { STRINGS } from "./strings";
import type { MissingPart, TemplateChoice } from "./template-choice";

const useStyles = makeStyles({
  parts: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
  },
  part: { height: "auto", textAlign: "start" },
});

export function TemplateQuestion({
  choice,
  onInsert,
  onCancel,
}: {
  choice: TemplateChoice;
  onInsert: (options: TemplateOptions, part?: MissingPart) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const text = STRINGS.template;
  return (
    <Question
      title={text.title}
      actions={
        <>
          <Button size="small" onClick={() => onInsert(choice.whole)}>
            {text.whole(choice.whole.year)}
          </Button>
          <Button size="small" onClick={onCancel}>
            {text.cancel}
          </Button>
        </>
      }
    >
      {text.existing}
      {choice.missing.length > 0 ? text.missing : text.complete}
      {choice.missing.length > 0 && (
        <div className={styles.parts}>
          {choice.missing.map((missing) => (
            <Button
              key={`${missing.report}-${missing.title}`}
              size="small"
              appearance="primary"
              className={styles.part}
              onClick={() => onInsert(missing.options, missing)}
            >
              {choice.severalReports
                ? text.partOf(missing.unit ?? STRINGS.unknownUnit, missing.title)
                : text.part(missing.title)}
            </Button>
          ))}
        </div>
      )}
    </Question>
  );
}
