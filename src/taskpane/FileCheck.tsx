/**
 * Checks a .docx picked from disk, in the browser, with the same engine as everything else.
 * The Word and WPS panes (issues 4 and 5) read the open document through a host adapter.
 */
import { useState, type ChangeEvent } from "react";
import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { check, DocumentReadError, readDocument, type CheckResult } from "../core";
import { groupFindings, summaryLine } from "./groups";
import { SeverityIcon } from "./SeverityIcon";
import { STRINGS } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  finding: { display: "flex", gap: tokens.spacingHorizontalS },
});

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; result: CheckResult }
  | { kind: "failed"; message: string };

export function FileCheck({ note }: { note?: string }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setState({ kind: "busy" });
    try {
      const result = check(readDocument(new Uint8Array(await file.arrayBuffer())));
      setState({ kind: "done", result });
    } catch (error) {
      setState({
        kind: "failed",
        message: error instanceof DocumentReadError ? error.userMessage : STRINGS.readFailed,
      });
    }
  };

  return (
    <main className={styles.root}>
      <Subtitle2 as="h1">{STRINGS.appName}</Subtitle2>
      <Caption1>{STRINGS.privacy}</Caption1>
      {note && (
        <MessageBar intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      <label>
        <Body1>{STRINGS.pickFile}</Body1> <input type="file" accept=".docx" onChange={onPick} />
      </label>
      <div aria-live="polite">
        {state.kind === "busy" && <Spinner label={STRINGS.checking} />}
        {state.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "done" && <Results result={state.result} />}
      </div>
    </main>
  );
}

function Results({ result }: { result: CheckResult }) {
  const styles = useStyles();
  return (
    <section className={styles.group}>
      <Body1>{summaryLine(result, result.findings)}</Body1>
      {result.findings.length === 0 && <Body1>{STRINGS.noFindings}</Body1>}
      {groupFindings(result, result.findings).map((group) => (
        <section key={group.key} className={styles.group}>
          <Subtitle2 as="h2">{group.title}</Subtitle2>
          <ul>
            {group.findings.map((f, i) => (
              <li key={i} className={styles.finding}>
                <SeverityIcon severity={f.severity} />
                <Body1>{f.message}</Body1>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
