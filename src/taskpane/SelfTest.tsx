/**
 * The self-test view: says that it edits the document temporarily, runs the probes
 * of src/hosts/self-test, fills in a result table as they finish, and copies the results as a
 * Markdown table (the clipboard where the engine allows, else a selected text area).
 */
import { useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  reportMarkdown,
  runSelfTest,
  selfTestTarget,
  STATUS_TEXT,
  type ProbeResult,
  type SelfTestReport,
  type SelfTestTarget,
} from "../hosts/self-test";
import type { HostInfo } from "../hosts/self-test/types";
import { Message } from "./Message";
import { SELF_TEST_STRINGS as S } from "./self-test-strings";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: tokens.spacingHorizontalXS,
      textAlign: "left",
      verticalAlign: "top",
      overflowWrap: "anywhere",
    },
  },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  skipped: { color: tokens.colorNeutralForeground3 },
  copyArea: { width: "100%", minHeight: "12em", fontFamily: tokens.fontFamilyMonospace },
});

interface Run {
  info: HostInfo | null;
  results: ProbeResult[];
  current: string | null;
  done: boolean;
  error?: string;
}

export function SelfTest({
  onClose,
  target: given,
}: {
  onClose: () => void;
  /** The host to probe; found on this page when not given. */
  target?: SelfTestTarget | null;
}) {
  const shared = useSharedStyles();
  const target = useMemo(() => (given === undefined ? selfTestTarget() : given), [given]);
  const [run, setRun] = useState<Run | null>(null);
  const [copy, setCopy] = useState<"copied" | "manual" | null>(null);
  const report = useRef<SelfTestReport | null>(null);
  const running = run !== null && !run.done;

  const start = async (newDocument: boolean) => {
    if (!target) return;
    setCopy(null);
    setRun({ info: null, results: [], current: S.starting, done: false });
    try {
      const context = target.context({ newDocument });
      const info = await context.info().catch(() => null);
      setRun((r) => r && { ...r, info });
      const finished = await runSelfTest(context, {
        onResult: (result) =>
          setRun((r) => r && { ...r, results: [...r.results, result], current: null }),
      });
      report.current = finished;
      setRun({ info: finished.info, results: finished.results, current: null, done: true });
    } catch (error) {
      setRun((r) => ({
        info: r?.info ?? null,
        results: r?.results ?? [],
        current: null,
        done: true,
        error: error instanceof Error ? error.message : String(error),
      }));
    }
  };

  const copyResults = async () => {
    if (!report.current) return;
    const text = reportMarkdown(report.current);
    try {
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      setCopy("manual");
    }
  };

  return (
    <main className={shared.page} aria-busy={running}>
      <header className={shared.row}>
        <Subtitle2 as="h1">{S.title}</Subtitle2>
        <Button size="small" appearance="subtle" disabled={running} onClick={onClose}>
          {S.back}
        </Button>
      </header>
      {!target ? (
        <Message intent="info" layout="auto">
          {S.unavailable}
        </Message>
      ) : (
        <>
          <Caption1>{S.intro}</Caption1>
          <Message intent="warning">
            {S.edits}
            {target.canUseNewDocument ? ` ${S.newDocumentNote}` : ""}
            {target.host === "word" ? ` ${S.wordBlank}` : ""}
          </Message>
          <div className={shared.row}>
            <Button appearance="primary" disabled={running} onClick={() => void start(false)}>
              {S.run}
            </Button>
            {target.canUseNewDocument && (
              <Button disabled={running} onClick={() => void start(true)}>
                {S.runNewDocument}
              </Button>
            )}
            {run?.done && report.current && (
              <Button onClick={() => void copyResults()}>{S.copy}</Button>
            )}
          </div>
        </>
      )}
      <div aria-live="polite">
        {running && (
          <Spinner size="tiny" label={run.current ?? S.running(run.results.length + 1)} />
        )}
        {run?.error && (
          <Message intent="error" layout="auto">
            {S.failed(run.error)}
          </Message>
        )}
        {run?.done && !run.error && <p>{summary(run.results)}</p>}
        {run?.results.some((r) => r.cleanup) && <Message intent="error">{S.cleanupFailed}</Message>}
        {copy === "copied" && <Caption1>{S.copied}</Caption1>}
      </div>
      {copy === "manual" && report.current && <CopyArea text={reportMarkdown(report.current)} />}
      {run && <SelfTestResults info={run.info} results={run.results} />}
    </main>
  );
}

function summary(results: ProbeResult[]): string {
  const count = (status: ProbeResult["status"]) =>
    results.filter((r) => r.status === status).length;
  return S.done(count("passed"), count("failed"), count("skipped"));
}

/** A read-only text area with everything selected, for engines without the clipboard API. */
function CopyArea({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <>
      <Caption1>{S.copyManually}</Caption1>
      <textarea
        className={styles.copyArea}
        aria-label={S.copyLabel}
        readOnly
        value={text}
        ref={(area) => {
          area?.focus();
          area?.select();
        }}
      />
    </>
  );
}

/** The host's particulars and one row per probe, as they arrive. */
export function SelfTestResults({
  info,
  results,
}: {
  info: HostInfo | null;
  results: ProbeResult[];
}) {
  const styles = useStyles();
  return (
    <>
      {info && (
        <table className={styles.table}>
          <tbody>
            <tr>
              <th scope="row">{S.info.host}</th>
              <td>{info.host}</td>
            </tr>
            <tr>
              <th scope="row">{S.info.version}</th>
              <td>{info.version}</td>
            </tr>
            <tr>
              <th scope="row">{S.info.engine}</th>
              <td>{info.engine || S.none}</td>
            </tr>
            <tr>
              <th scope="row">{S.info.apiSets}</th>
              <td>{info.apiSets.length === 0 ? S.none : S.apiSets(info.apiSets)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {results.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{S.columns.probe}</th>
              <th scope="col">{S.columns.status}</th>
              <th scope="col">{S.columns.observed}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id} data-probe={r.id} data-status={r.status}>
                <td>{r.title}</td>
                <td className={styles[r.status]}>{STATUS_TEXT[r.status]}</td>
                <td>
                  {r.observed}
                  {r.cleanup && <strong>{` ${r.cleanup}`}</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
