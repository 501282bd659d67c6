/**
 * The task pane over any host: check (and mark), clear, insert the template; findings grouped
 * by section with jump, next/previous and ignores. It talks only to the DocumentHost interface
 * through its controller (./use-pane-controller.ts), never to Word or WPS.
 */
import {
  Button,
  Caption1,
  Link,
  Spinner,
  Switch,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { TemplateOptions } from "../core";
import type { DocumentHost } from "../hosts/host";
import type { CommandSource } from "../hosts/commands";
import { FindingList, NoFindings } from "./FindingList";
import { HelpLink } from "./HelpLink";
import { IgnoredList } from "./IgnoredList";
import { Notices } from "./Notices";
import { PaneHeader } from "./PaneHeader";
import { TrackingQuestion } from "./TrackingQuestion";
import { SelfTest } from "./SelfTest";
import { SELF_TEST_STRINGS } from "./self-test-strings";
import { summaryLine } from "./groups";
import { SEVERITIES } from "./pane-state";
import { SeverityIcon } from "./SeverityIcon";
import { useSharedStyles } from "./styles";
import { STRINGS } from "./strings";
import { TemplateQuestion } from "./TemplateQuestion";
import type { MissingPart } from "./template-choice";
import { usePaneController } from "./use-pane-controller";

const useStyles = makeStyles({
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  options: { display: "flex", flexDirection: "column" },
});

/** 上一个 / 下一个 and the keys that press them with Alt, from anywhere in the pane. */
const STEPS = { previous: "ArrowUp", next: "ArrowDown" } as const;

export function Pane({ host, commands }: { host: DocumentHost; commands?: CommandSource }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const { state, busy, active, counts, groups, order, position, actions } = usePaneController(
    host,
    commands,
  );
  const { outcome, stage, confirming, templateQuestion, announcement } = state;

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!event.altKey || busy || order.length === 0) return;
    if (event.key === STEPS.next) void actions.next();
    else if (event.key === STEPS.previous) void actions.previous();
    else return;
    event.preventDefault();
  };

  if (state.selfTest) return <SelfTest onClose={() => actions.openSelfTest(false)} />;
  return (
    <main className={shared.page} aria-busy={busy} onKeyDown={onKeyDown}>
      <PaneHeader>
        <div className={styles.links}>
          <HelpLink />
          {host.name !== "demo" && (
            <Link as="button" disabled={busy} onClick={() => actions.openSelfTest(true)}>
              {SELF_TEST_STRINGS.open}
            </Link>
          )}
        </div>
      </PaneHeader>
      <div className={shared.row} role="toolbar" aria-label={STRINGS.appName}>
        <Button appearance="primary" disabled={busy} onClick={() => void actions.check()}>
          {outcome ? STRINGS.actions.recheck : STRINGS.actions.check}
        </Button>
        <Button disabled={busy} onClick={() => void actions.clear()}>
          {STRINGS.actions.clear}
        </Button>
        <Button disabled={busy} onClick={() => void actions.insert()}>
          {STRINGS.actions.insertTemplate}
        </Button>
      </div>
      <div className={styles.options}>
        <Switch
          label={STRINGS.options.shading}
          checked={state.shading}
          disabled={busy}
          onChange={(_e, data) => actions.setOption("shading", data.checked)}
        />
        {host.capabilities.comments && (
          <Switch
            label={STRINGS.options.reviewer}
            checked={state.reviewer}
            disabled={busy}
            onChange={(_e, data) => actions.setOption("reviewer", data.checked)}
          />
        )}
      </div>
      {confirming && (
        <TrackingQuestion
          offerCheckOnly={confirming === "check"}
          onAnswer={(answer) => void actions.answerConfirm(answer)}
        />
      )}
      {templateQuestion && !busy && (
        <TemplateQuestion
          choice={templateQuestion}
          onInsert={(options: TemplateOptions, missing?: MissingPart) =>
            void actions.insertNow(options, missing?.part)
          }
          onCancel={actions.closeTemplate}
        />
      )}
      <div role="status" className={shared.hidden} data-announcement="">
        {announcement.text}
        {/* A different text node each time, so the same words are announced again. */}
        {announcement.serial % 2 === 1 ? "\u00a0" : ""}
      </div>
      <div aria-live="polite">
        {stage && <Spinner size="tiny" label={STRINGS.stage[stage]} />}
        <Notices notices={state.notices} onDismiss={actions.dismiss} />
        {outcome && !busy && <p>{summaryLine(outcome.result, active)}</p>}
      </div>
      {outcome && (
        <>
          {active.length > 0 && (
            <div className={shared.row} role="group" aria-label={STRINGS.filter.label}>
              {SEVERITIES.map((severity) => (
                <ToggleButton
                  key={severity}
                  size="small"
                  checked={state.shown.has(severity)}
                  disabled={counts[severity] === 0}
                  data-severity={severity}
                  onClick={() => actions.toggleSeverity(severity)}
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
            <div className={shared.row}>
              {(["previous", "next"] as const).map((step) => (
                <Button
                  key={step}
                  size="small"
                  disabled={busy}
                  onClick={() => void actions[step]()}
                  title={STRINGS.shortcuts[step]}
                  aria-keyshortcuts={`Alt+${STEPS[step]}`}
                >
                  {STRINGS.actions[step]}
                </Button>
              ))}
              <Caption1>
                {position >= 0 ? STRINGS.position(position + 1, order.length) : ""}
              </Caption1>
            </div>
          )}
          {order.length === 0 && <NoFindings filtered={active.length > 0} />}
          <FindingList
            result={outcome.result}
            groups={groups}
            current={state.current}
            focusRequest={state.focusRequest}
            disabled={busy}
            onJump={(finding, anchor) => void actions.jump(finding, anchor)}
            onIgnore={(finding, scope) => void actions.ignore(finding, scope)}
            onInsertPart={(part, report) => void actions.insertPart(part, report)}
          />
          <IgnoredList
            ignores={outcome.ignores}
            reports={outcome.result.reports}
            disabled={busy}
            onRestore={(entry) => void actions.restore(entry)}
          />
        </>
      )}
    </main>
  );
}
