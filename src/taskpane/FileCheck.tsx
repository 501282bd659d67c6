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
import {
  check,
  DocumentReadError,
  FORMATS,
  readDocument,
  sectionOfLocation,
  sectionTitle,
  type CheckResult,
  type Finding,
  type Severity,
} from "../core";
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

const ICONS: Record<Severity, string> = { error: "✖", warning: "▲", info: "ℹ" };

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; result: CheckResult }
  | { kind: "failed"; message: string };

export function FileCheck() {
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
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const format = result.format === "unknown" ? "" : FORMATS[result.format].name;
  const year = result.year === null ? STRINGS.unknownYear : STRINGS.yearLabel(result.year);
  const groups = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const key = sectionOfLocation(finding.location) ?? STRINGS.wholeDocument;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const spec = FORMATS[result.format === "unknown" ? "2021" : result.format];
  return (
    <section className={styles.group}>
      <Body1>
        {STRINGS.summary(
          [result.unit, format, year].filter((part): part is string => Boolean(part)),
          count("error"),
          count("warning"),
          count("info"),
        )}
      </Body1>
      {result.findings.length === 0 && <Body1>{STRINGS.noFindings}</Body1>}
      {[...groups].map(([key, findings]) => (
        <section key={key} className={styles.group}>
          <Subtitle2 as="h2">
            {key === STRINGS.wholeDocument ? key : sectionTitle(spec, key as never)}
          </Subtitle2>
          <ul>
            {findings.map((f, i) => (
              <li key={i} className={styles.finding}>
                <span aria-hidden="true">{ICONS[f.severity]}</span>
                <Body1>
                  <strong>{STRINGS.severity[f.severity]}</strong> {f.message}
                </Body1>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
