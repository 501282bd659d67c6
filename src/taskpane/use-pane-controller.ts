/**
 * The pane's controller: its state (./pane-state.ts) and the actions that run on the host,
 * one at a time, each dispatching what it did. Components only call these actions.
 */
import { useEffect, useMemo, useReducer, useRef } from "react";
import {
  check,
  appliedFormat,
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
import {
  checkDocument,
  clearMarks,
  insertTemplate,
  type CheckOptionsForPane,
} from "../hosts/actions";
import type { DocumentHost } from "../hosts/host";
import type { CommandSource, PaneCommand } from "../hosts/commands";
import { countBySeverity, groupFindings, listOrder } from "./groups";
import { capabilityNotices } from "./pane-notices";
import { initialPaneState, mustConfirm, paneReducer, type Stage } from "./pane-state";
import { STRINGS } from "./strings";
import type { TrackingAnswer } from "./TrackingQuestion";
import { templateChoice, templateYear } from "./template-choice";

export function usePaneController(host: DocumentHost, commands?: CommandSource) {
  const [state, dispatch] = useReducer(paneReducer, host.capabilities, (capabilities) =>
    initialPaneState(capabilityNotices(capabilities)),
  );
  const { outcome, shown, current, shading, reviewer } = state;
  const confirmFirst = mustConfirm(state, host.capabilities.pausesTracking);

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

  /** Runs one action, with its stage shown and its failure explained. */
  const perform = async (
    stage: Stage,
    failure: string,
    action: () => Promise<void>,
  ): Promise<void> => {
    dispatch({ type: "started", stage });
    try {
      await action();
    } catch (error) {
      console.error(`nianbao: ${stage} failed`, error);
      dispatch({ type: "failed", failure, error });
    }
  };

  const checkNow = (options: CheckOptionsForPane) =>
    perform("checking", STRINGS.failed.check, async () => {
      dispatch({ type: "checked", outcome: await checkDocument(host, options) });
    });

  const clearNow = () =>
    perform("clearing", STRINGS.failed.clear, async () => {
      dispatch({ type: "cleared", report: await clearMarks(host) });
    });

  const insertNow = (options: TemplateOptions, part?: TemplatePart) =>
    perform("inserting", STRINGS.failed.insert, async () => {
      dispatch({ type: "inserted", placement: await insertTemplate(host, options, part) });
    });

  // Where the host cannot pause 修订, marking and clearing ask first (once per session).
  // A check replaces earlier marks even with shading off, so it asks too.
  const runCheck = (): Promise<void> => {
    if (!confirmFirst) return checkNow({ shading, reviewer });
    dispatch({ type: "confirm", action: "check" });
    return Promise.resolve();
  };

  const runClear = (): Promise<void> => {
    if (!confirmFirst) return clearNow();
    dispatch({ type: "confirm", action: "clear" });
    return Promise.resolve();
  };

  const answerConfirm = (answer: TrackingAnswer): Promise<void> => {
    const action = state.confirming;
    dispatch({ type: "answered", accepted: answer === "proceed" });
    if (action === null || answer === "cancel") return Promise.resolve();
    if (answer === "checkOnly") return checkNow({ shading, reviewer, write: false });
    return action === "check" ? checkNow({ shading, reviewer }) : clearNow();
  };

  // 插入模板 reads the document first: where it already holds a report, the pane asks, and
  // offers only what is missing, rather than appending a second report.
  const runInsert = () =>
    perform("reading", STRINGS.failed.insert, async () => {
      const choice = templateChoice(check((await host.read()).snapshot));
      if (choice.existing) {
        dispatch({ type: "askTemplate", choice });
        return;
      }
      dispatch({ type: "started", stage: "inserting" });
      dispatch({ type: "inserted", placement: await insertTemplate(host, choice.whole) });
    });

  /** 插入此部分 on a finding: with the format, year and unit of the finding's report. */
  const insertPart = (part: TemplatePart, report: number) => {
    const result = outcome?.result;
    const source = result?.reports?.[report] ?? result;
    return insertNow(
      {
        format: appliedFormat(source?.format ?? "unknown"),
        year: templateYear(source?.year ?? null),
        ...(source?.unit ? { unit: source.unit } : {}),
      },
      part,
    );
  };

  /** Selects the finding (or one of its cells); `walk` when 上一个 / 下一个 moved to it. */
  const jump = async (finding: Finding | undefined, at?: Anchor, walk = false) => {
    if (!finding) return;
    const index = order.indexOf(finding);
    dispatch({
      type: "selected",
      finding,
      ...(walk && index >= 0 ? { position: { index, total: order.length } } : {}),
    });
    const anchor = at ?? finding.anchors[0];
    if (!anchor) return;
    try {
      if (!(await host.select(anchor))) dispatch({ type: "selectFailed", reason: "moved" });
    } catch (error) {
      console.error("nianbao: select failed", error);
      dispatch({ type: "selectFailed", reason: "error" });
    }
  };

  const changeIgnores = (next: Ignore[]) =>
    perform("saving", STRINGS.failed.save, async () => {
      await host.saveIgnores(next);
      // Marks follow the ignores only where writing needs no question (or it was answered).
      const rechecked = await checkDocument(host, { shading, reviewer, write: !confirmFirst });
      dispatch({ type: "checked", outcome: rechecked });
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

  const busy = state.stage !== null;
  const previous = () => jump(order[Math.max(0, position - 1)], undefined, true);
  const next = () => jump(order[Math.min(order.length - 1, position + 1)], undefined, true);

  // Commands from the WPS ribbon run as if their buttons here were pressed.
  const onCommand = useRef<(command: PaneCommand) => void>(() => {});
  onCommand.current = (command) => {
    if (busy || state.selfTest) return;
    if (command === "check") void runCheck();
    else if (command === "clear") void runClear();
    else void runInsert();
  };
  useEffect(() => commands?.watch((command) => onCommand.current(command)), [commands]);

  return {
    state,
    busy,
    active,
    counts: countBySeverity(active),
    groups,
    order,
    position,
    actions: {
      check: runCheck,
      clear: runClear,
      insert: runInsert,
      insertNow,
      insertPart,
      answerConfirm,
      jump,
      previous,
      next,
      ignore,
      restore,
      closeTemplate: () => dispatch({ type: "closeTemplate" }),
      dismiss: (index: number) => dispatch({ type: "dismiss", index }),
      toggleSeverity: (severity: Severity) => dispatch({ type: "toggleSeverity", severity }),
      setOption: (name: "shading" | "reviewer", value: boolean) =>
        dispatch({ type: "option", name, value }),
      openSelfTest: (open: boolean) => dispatch({ type: "selfTest", open }),
    },
  };
}

export type PaneController = ReturnType<typeof usePaneController>;
