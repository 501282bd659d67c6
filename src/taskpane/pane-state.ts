/**
 * The pane's state and every change to it, as a pure reducer: what runs, the last check, the
 * finding in focus, the severity filter, the questions asked, the notices and what a screen
 * reader is told. usePaneController (./use-pane-controller.ts) performs the actions on the host
 * and dispatches what they did.
 */
import type { Finding, Severity, WriteReport } from "../core";
import type { CheckOutcome } from "../hosts/actions";
import type { InsertOutcome } from "../hosts/host";
import type { Notice } from "./Notices";
import {
  checkNotices,
  clearNotices,
  failureNotice,
  insertNotices,
  jumpFailedNotice,
  movedNotice,
} from "./pane-notices";
import { countBySeverity } from "./groups";
import { STRINGS } from "./strings";
import type { TemplateChoice } from "./template-choice";

export type Stage = keyof typeof STRINGS.stage;
export const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** A write waiting for the user's word, where the host cannot pause track changes. */
export type Confirming = "check" | "clear";

export interface PaneState {
  /** What is running; null when idle (the buttons are enabled). */
  stage: Stage | null;
  outcome: CheckOutcome | null;
  current: Finding | null;
  shown: ReadonlySet<Severity>;
  templateQuestion: TemplateChoice | null;
  /** Shown above every action's notices (what this host cannot do). */
  baseNotices: Notice[];
  notices: Notice[];
  shading: boolean;
  reviewer: boolean;
  confirming: Confirming | null;
  trackingAccepted: boolean;
  selfTest: boolean;
  /** For the status live region; `serial` changes each time, so a repeat is announced again. */
  announcement: { text: string; serial: number };
  /** Bumped when 上一个 / 下一个 move: the list then puts focus on the current finding. */
  focusRequest: number;
}

export type PaneAction =
  | { type: "started"; stage: Stage }
  | { type: "checked"; outcome: CheckOutcome }
  | { type: "cleared"; report: WriteReport }
  | { type: "inserted"; placement: InsertOutcome }
  | { type: "askTemplate"; choice: TemplateChoice }
  | { type: "closeTemplate" }
  | { type: "failed"; failure: string; error: unknown }
  | { type: "selected"; finding: Finding; position?: { index: number; total: number } }
  | { type: "selectFailed"; reason: "moved" | "error" }
  | { type: "dismiss"; index: number }
  | { type: "toggleSeverity"; severity: Severity }
  | { type: "option"; name: "shading" | "reviewer"; value: boolean }
  | { type: "confirm"; action: Confirming }
  | { type: "answered"; accepted: boolean }
  | { type: "selfTest"; open: boolean };

export function initialPaneState(baseNotices: Notice[]): PaneState {
  return {
    stage: null,
    outcome: null,
    current: null,
    shown: new Set(SEVERITIES),
    templateQuestion: null,
    baseNotices,
    notices: baseNotices,
    shading: true,
    reviewer: false,
    confirming: null,
    trackingAccepted: false,
    selfTest: false,
    announcement: { text: "", serial: 0 },
    focusRequest: 0,
  };
}

const announce = (state: PaneState, text: string): PaneState["announcement"] => ({
  text,
  serial: state.announcement.serial + 1,
});

/** An action finished: its notices replace the last action's, below the host's own. */
const finished = (state: PaneState, notices: Notice[]): PaneState => ({
  ...state,
  stage: null,
  notices: [...state.baseNotices, ...notices],
});

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "started":
      return {
        ...state,
        stage: action.stage,
        templateQuestion: action.stage === "inserting" ? null : state.templateQuestion,
      };
    case "checked": {
      const counts = countBySeverity(action.outcome.ignores.active);
      return {
        ...finished(state, checkNotices(action.outcome)),
        outcome: action.outcome,
        current: null,
        announcement: announce(state, STRINGS.announce.checked(counts.error, counts.warning)),
      };
    }
    case "cleared":
      return finished(state, clearNotices(action.report));
    case "inserted":
      return {
        ...finished(state, insertNotices(action.placement, state.outcome !== null)),
        templateQuestion: null,
      };
    case "askTemplate":
      return { ...finished(state, []), templateQuestion: action.choice };
    case "closeTemplate":
      return { ...state, templateQuestion: null };
    case "failed":
      return {
        ...state,
        stage: null,
        notices: [...state.notices, failureNotice(action.failure, action.error)],
      };
    case "selected":
      return {
        ...state,
        current: action.finding,
        ...(action.position && {
          announcement: announce(
            state,
            STRINGS.position(action.position.index + 1, action.position.total),
          ),
          focusRequest: state.focusRequest + 1,
        }),
      };
    case "selectFailed":
      return {
        ...state,
        notices: [...state.notices, action.reason === "moved" ? movedNotice() : jumpFailedNotice()],
      };
    case "dismiss":
      return { ...state, notices: state.notices.filter((_, i) => i !== action.index) };
    case "toggleSeverity": {
      const shown = new Set(state.shown);
      if (!shown.delete(action.severity)) shown.add(action.severity);
      return { ...state, shown };
    }
    case "option":
      return { ...state, [action.name]: action.value };
    case "confirm":
      return { ...state, confirming: action.action };
    case "answered":
      return {
        ...state,
        confirming: null,
        trackingAccepted: state.trackingAccepted || action.accepted,
      };
    case "selfTest":
      return { ...state, selfTest: action.open };
  }
}

/** Whether a write must first ask (the host cannot pause 修订 and the user has not agreed). */
export function mustConfirm(state: PaneState, pausesTracking: boolean | undefined): boolean {
  return pausesTracking === false && !state.trackingAccepted;
}
