/**
 * Outside Word and WPS: checks a .docx picked from disk or dropped on the pane, in the browser,
 * with the same engine as everything else. The file is only read, never written.
 */
import { useRef, useState, type ChangeEvent, type DragEvent } from "react";
import {
  Body1,
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUp20Regular } from "@fluentui/react-icons";
import { check, DocumentReadError, readDocument, type CheckResult } from "../core";
import { groupFindings, summaryLine } from "./groups";
import { HelpLink } from "./HelpLink";
import { Message } from "./Message";
import { PaneHeader } from "./PaneHeader";
import { SeverityIcon } from "./SeverityIcon";
import { useSharedStyles } from "./styles";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: "center",
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  input: { display: "none" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; name: string; result: CheckResult }
  | { kind: "failed"; message: string };

export function FileCheck({ note }: { note?: string }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);

  const checkFile = async (file: File) => {
    // Whatever its name, the core reads the bytes and says what the file is (a legacy .doc,
    // a PDF, …) and what to do, in Chinese.
    setState({ kind: "busy" });
    try {
      const result = check(readDocument(new Uint8Array(await file.arrayBuffer())));
      setState({ kind: "done", name: file.name, result });
    } catch (error) {
      setState({
        kind: "failed",
        message: error instanceof DocumentReadError ? error.userMessage : STRINGS.readFailed,
      });
    }
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again (after editing it) checks it again.
    event.target.value = "";
    if (file) void checkFile(file);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void checkFile(file);
  };

  return (
    <main className={shared.page}>
      <PaneHeader>
        <HelpLink />
      </PaneHeader>
      {note && <Message intent="info">{note}</Message>}
      <div
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        data-drop-area=""
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Button
          appearance="primary"
          icon={<DocumentArrowUp20Regular />}
          disabled={state.kind === "busy"}
          onClick={() => input.current?.click()}
        >
          {STRINGS.pickFile}
        </Button>
        <Caption1>{dragging ? STRINGS.dropHere : STRINGS.pickHint}</Caption1>
        <input
          ref={input}
          className={styles.input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={STRINGS.pickFile}
          tabIndex={-1}
          onChange={onPick}
        />
      </div>
      <div aria-live="polite">
        {state.kind === "busy" && <Spinner label={STRINGS.checking} />}
        {state.kind === "failed" && <Message intent="error">{state.message}</Message>}
        {state.kind === "done" && <Results name={state.name} result={state.result} />}
      </div>
    </main>
  );
}

function Results({ name, result }: { name: string; result: CheckResult }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const several = (result.reports?.length ?? 1) > 1;
  return (
    <section className={styles.group} aria-label={STRINGS.findingsLabel}>
      <Caption1>{STRINGS.pickedFile(name)}</Caption1>
      <Body1>{summaryLine(result, result.findings)}</Body1>
      {result.findings.length === 0 && <Body1>{STRINGS.noFindings}</Body1>}
      {groupFindings(result, result.findings).map((report) => (
        <section key={report.key} className={styles.group}>
          {several && (
            <Subtitle2 as="h2" className={shared.heading}>
              {report.title}
            </Subtitle2>
          )}
          {report.sections.map((section) => (
            <section key={section.key} className={styles.group}>
              <Subtitle2 as={several ? "h3" : "h2"} className={shared.heading}>
                {section.title}
              </Subtitle2>
              <ul className={shared.list}>
                {section.findings.map((f, i) => (
                  <li key={i} className={shared.item}>
                    <SeverityIcon severity={f.severity} />
                    <Body1 className={shared.message}>{f.message}</Body1>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </section>
  );
}
