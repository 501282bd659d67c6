/**
 * The task pane over any host: check (and mark), clear, insert the template; findings grouped
 * by section with jump, next/previous and ignores. It talks only to the DocumentHost interface
 * through the shared actions, never to Word or WPS.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Link,
  Spinner,
  Subtitle2,
  Switch,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  check,
  ignoreHere,
  ignoreRule,
  sameIgnore,
  type Anchor,
  type Finding,
  type Ignore,
  type Severity,
  type TemplateOptions,
  type TemplatePart,
} from "../core";
import type { DocumentHost } from "../hosts/host";
import type { CommandSource, PaneCommand } from "../hosts/commands";
import {
  checkDocument,
  clearMarks,
  insertTemplate,
  type CheckOptionsForPane,
  type CheckOutcome,
} from "../hosts/actions";
import { FindingList, NoFindings } from "./FindingList";
import { HelpLink } from "./HelpLink";
import { IgnoredList } from "./IgnoredList";
import { Notices, type Notice } from "./Notices";
import { TrackingQuestion, type TrackingAnswer } from "./TrackingQuestion";
import { SelfTest } from "./SelfTest";
import { SELF_TEST_STRINGS } from "./self-test-strings";
import { countBySeverity, groupFindings, listOrder, summaryLine } from "./groups";
import { SeverityIcon } from "./SeverityIcon";
import { STRINGS } from "./strings";
import { TemplateQuestion } from "./TemplateQuestion";
import {
  templateChoice,
  templateYear,
  type MissingPart,
  type TemplateChoice,
} from "./template-choice";
import { writeNotices } from "./write-notices";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  options: { display: "flex", flexDirection: "column" },
});

type Stage = keyof typeof STRINGS.stage;

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function Pane({ host, commands }: { host: DocumentHost; commands?: CommandSource }) {
  const styles = useStyles();
  const [stage, setStage] = useState<Stage | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [current, setCurrent] = useState<Finding | null>(null);
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [templateQuestion, setTemplateQuestion] = useState<TemplateChoice | null>(null);
  const [notices, setNotices] = useState<Notice[]>(() => capabilityNotices(host));
  const [shading, setShading] = useState(true);
  const [reviewer, setReviewer] = useState(false);
  /** A write waiting for the user's word, where the host cannot pause track changes. */
  const [confirming, setConfirming] = useState<"check" | "clear" | null>(null);
  const [trackingAccepted, setTrackingAccepted] = useState(false);
  const mustConfirm = host.capabilities.pausesTracking === false && !trackingAccepted;
  const [selfTest, setSelfTest] = useState(false);

  const active = outcome?.ignores.active ?? [];
  const groups = useMemo(
    () =>
      outcome
        ? groupFindings(
            outcome.result,
            outcome.ignores.active.filter((f) => shown.has(f.severity)),
          )
        : [],
    [outcome, shown],
  );
  /** What 上一个 / 下一个 walk through: the findings shown, in the order shown. */
  const order = useMemo(() => listOrder(groups), [groups]);
  const position = current ? order.indexOf(current) : -1;

  /** Runs one action at a time, with its stage shown and its failure explained. */
  const perform = async (
    what: Stage,
    failure: string,
    action: () => Promise<Notice[]>,
  ): Promise<void> => {
    setStage(what);
    try {
      const added = await action();
      setNotices([...capabilityNotices(host), ...added]);
    } catch (error) {
      console.error(`nianbao: ${what} failed`, error);
      const detail =
        error && typeof error === "object" && "userMessage" in error
          ? String(error.userMessage)
          : STRINGS.failed.retry;
      setNotices((n) => [
        ...n,
        { intent: "error", title: STRINGS.failed.title, text: `${failure}${detail}` },
      ]);
    } finally {
      setStage(null);
    }
  };

  const checkNow = (options: CheckOptionsForPane) =>
    perform("checking", STRINGS.failed.check, async () => {
      const next = await checkDocument(host, options);
      setOutcome(next);
      setCurrent(null);
      return checkNotices(next);
    });

  const clearNow = () =>
    perform("clearing", STRINGS.failed.clear, async () => {
      const report = await clearMarks(host);
      if (report.newerLedger !== null)
        return [{ intent: "warning", text: STRINGS.newerLedger.clear }];
      return [
        { intent: "success", text: STRINGS.cleared(report.restored, report.commented) },
        ...writeNotices(report),
      ];
    });

  // Where the host cannot pause 修订, marking and clearing ask first (once per session).
  // A check replaces earlier marks even with shading off, so it asks too.
  const runCheck = () => (mustConfirm ? setConfirming("check") : checkNow({ shading, reviewer }));

  const runClear = () => (mustConfirm ? setConfirming("clear") : clearNow());

  const answerConfirm = (answer: TrackingAnswer) => {
    const action = confirming;
    setConfirming(null);
    if (action === null || answer === "cancel") return;
    if (answer === "checkOnly") void checkNow({ shading, reviewer, write: false });
    else {
      setTrackingAccepted(true);
      void (action === "check" ? checkNow({ shading, reviewer }) : clearNow());
    }
  };

  const insertNow = (options: TemplateOptions, part?: TemplatePart) =>
    perform("inserting", STRINGS.failed.insert, async () => {
      setTemplateQuestion(null);
      const placement = await insertTemplate(host, options, part);
      const notices: Notice[] = [
        { intent: "success", text: STRINGS.inserted[placement.placement] },
      ];
      if (outcome) notices.push({ intent: "warning", text: STRINGS.stale });
      return notices;
    });

  // 插入模板 reads the document first: where it already holds a report, the pane asks, and
  // offers only what is missing, rather than appending a second report.
  const runInsert = () =>
    perform("reading", STRINGS.failed.insert, async () => {
      const choice = templateChoice(check((await host.read()).snapshot));
      if (!choice.existing) {
        setStage("inserting");
        const placement = await insertTemplate(host, choice.whole);
        const notices: Notice[] = [
          { intent: "success", text: STRINGS.inserted[placement.placement] },
        ];
        if (outcome) notices.push({ intent: "warning", text: STRINGS.stale });
        return notices;
      }
      setTemplateQuestion(choice);
      return [];
    });

  /** 插入此部分 on a finding: with the format, year and unit of the finding's report. */
  const insertPart = (part: TemplatePart, report: number) => {
    const result = outcome?.result;
    const source = result?.reports?.[report] ?? result;
    void insertNow(
      {
        format: source && source.format !== "unknown" ? source.format : "2021",
        year: templateYear(source?.year ?? null),
        ...(source?.unit ? { unit: source.unit } : {}),
      },
      part,
    );
  };

  const jump = async (finding: Finding | undefined, at?: Anchor) => {
    if (!finding) return;
    setCurrent(finding);
    const anchor = at ?? finding.anchors[0];
    if (!anchor) return;
    try {
      if (!(await host.select(anchor)))
        setNotices((n) => [...n, { intent: "warning", text: STRINGS.moved }]);
    } catch (error) {
      console.error("nianbao: select failed", error);
      setNotices((n) => [
        ...n,
        { intent: "error", text: `${STRINGS.failed.jump}${STRINGS.failed.retry}` },
      ]);
    }
  };

  const changeIgnores = (next: Ignore[]) =>
    perform("saving", STRINGS.failed.save, async () => {
      await host.saveIgnores(next);
      // Marks follow the ignores only where writing needs no question (or it was answered).
      const rechecked = await checkDocument(host, { shading, reviewer, write: !mustConfirm });
      setOutcome(rechecked);
      setCurrent(null);
      return checkNotices(rechecked);
    });

  const ignore = (finding: Finding, scope: "here" | "rule") => {
    const entry =
      scope === "here"
        ? ignoreHere(finding, outcome?.result.reports ?? [])
        : ignoreRule(finding.rule);
    // The document's ignores with old fingerprints rewritten in the current form.
    const kept = (outcome?.ignores.current ?? []).filter((i) => !sameIgnore(i, entry));
    return changeIgnores([...kept, entry]);
  };

  const restore = (entry: Ignore) =>
    changeIgnores((outcome?.state.ignores ?? []).filter((i) => !sameIgnore(i, entry)));

  // Commands from the WPS ribbon run as if their buttons here were pressed.
  const onCommand = useRef<(command: PaneCommand) => void>(() => {});
  onCommand.current = (command) => {
    if (stage !== null || selfTest) return;
    if (command === "check") void runCheck();
    else if (command === "clear") void runClear();
    else void runInsert();
  };
  useEffect(() => commands?.watch((command) => onCommand.current(command)), [commands]);

  const busy = stage !== null;
  const previous = () => jump(order[Math.max(0, position - 1)]);
  const next = () => jump(order[Math.min(order.length - 1, position + 1)]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!event.altKey || busy || order.length === 0) return;
    if (event.key === "ArrowDown") next();
    else if (event.key === "ArrowUp") previous();
    else return;
    event.preventDefault();
  };
  const counts = countBySeverity(active);
  const toggleShown = (severity: Severity) =>
    setShown((old) => {
      const next = new Set(old);
      if (!next.delete(severity)) next.add(severity);
      return next;
    });

  if (selfTest) return <SelfTest onClose={() => setSelfTest(false)} />;
  return (
    <main className={styles.root} aria-busy={busy} onKeyDown={onKeyDown}>
      <header className={styles.header}>
        <Subtitle2 as="h1">{STRINGS.appName}</Subtitle2>
        <Caption1>{STRINGS.privacy}</Caption1>
        <div className={styles.links}>
          <HelpLink />
          {host.name !== "demo" && (
            <Link as="button" disabled={busy} onClick={() => setSelfTest(true)}>
              {SELF_TEST_STRINGS.open}
            </Link>
          )}
        </div>
      </header>
      <div className={styles.row} role="toolbar" aria-label={STRINGS.appName}>
        <Button appearance="primary" disabled={busy} onClick={() => void runCheck()}>
          {outcome ? STRINGS.actions.recheck : STRINGS.actions.check}
        </Button>
        <Button disabled={busy} onClick={() => void runClear()}>
          {STRINGS.actions.clear}
        </Button>
        <Button disabled={busy} onClick={() => void runInsert()}>
          {STRINGS.actions.insertTemplate}
        </Button>
      </div>
      <div className={styles.options}>
        <Switch
          label={STRINGS.options.shading}
          checked={shading}
          disabled={busy}
          onChange={(_e, data) => setShading(data.checked)}
        />
        {host.capabilities.comments && (
          <Switch
            label={STRINGS.options.reviewer}
            checked={reviewer}
            disabled={busy}
            onChange={(_e, data) => setReviewer(data.checked)}
          />
        )}
      </div>
      {confirming && (
        <TrackingQuestion offerCheckOnly={confirming === "check"} onAnswer={answerConfirm} />
      )}
      {templateQuestion && !busy && (
        <TemplateQuestion
          choice={templateQuestion}
          onInsert={(options: TemplateOptions, missing?: MissingPart) =>
            void insertNow(options, missing?.part)
          }
          onCancel={() => setTemplateQuestion(null)}
        />
      )}
      <div aria-live="polite">
        {stage && <Spinner size="tiny" label={STRINGS.stage[stage]} />}
        <Notices
          notices={notices}
          onDismiss={(index) => setNotices((n) => n.filter((_, i) => i !== index))}
        />
        {outcome && !busy && <p>{summaryLine(outcome.result, active)}</p>}
      </div>
      {outcome && (
        <>
          {active.length > 0 && (
            <div className={styles.row} role="group" aria-label={STRINGS.filter.label}>
              {SEVERITIES.map((severity) => (
                <ToggleButton
                  key={severity}
                  size="small"
                  checked={shown.has(severity)}
                  disabled={counts[severity] === 0}
                  data-severity={severity}
                  onClick={() => toggleShown(severity)}
                >
                  <SeverityIcon
                    severity={severity}
                    label={STRINGS.filter.toggle(STRINGS.severity[severity], counts[severity])}
                  />
                </ToggleButton>
              ))}
            </div>
          )}
          {order.length > 0 && (
            <div className={styles.row}>
              <Button
                size="small"
                disabled={busy}
                onClick={previous}
                title={STRINGS.shortcuts.previous}
                aria-keyshortcuts="Alt+ArrowUp"
              >
                {STRINGS.actions.previous}
              </Button>
              <Button
                size="small"
                disabled={busy}
                onClick={next}
                title={STRINGS.shortcuts.next}
                aria-keyshortcuts="Alt+ArrowDown"
              >
                {STRINGS.actions.next}
              </Button>
              <Caption1>
                {position >= 0 ? STRINGS.position(position + 1, order.length) : ""}
              </Caption1>
            </div>
          )}
          {order.length === 0 && <NoFindings filtered={active.length > 0} />}
          <FindingList
            result={outcome.result}
            groups={groups}
            current={current}
            disabled={busy}
            onJump={(finding, anchor) => void jump(finding, anchor)}
            onIgnore={ignore}
            onInsertPart={insertPart}
          />
          <IgnoredList ignores={outcome.ignores} disabled={busy} onRestore={restore} />
        </>
      )}
    </main>
  );
}

function capabilityNotices(host: DocumentHost): Notice[] {
  const notices: Notice[] = [];
  if (!host.capabilities.documentStorage)
    notices.push({ intent: "warning", text: STRINGS.noStorage });
  return notices;
}

function checkNotices(outcome: CheckOutcome): Notice[] {
  const marks = outcome.marks;
  const notices: Notice[] =
    marks.newerLedger !== null
      ? [{ intent: "warning", text: STRINGS.newerLedger.check }]
      : [{ intent: "info", text: STRINGS.marked(marks.shaded, marks.commented) }];
  if (outcome.ignores.lapsed.length > 0)
    notices.push({ intent: "warning", text: STRINGS.lapsed(outcome.ignores.lapsed.length) });
  notices.push(...writeNotices(marks));
  return notices;
}
