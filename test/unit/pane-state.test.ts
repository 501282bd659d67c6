/**
 * The pane's reducer (src/taskpane/pane-state.ts) and its notices (pane-notices.ts), without a
 * browser: each action's effect on the state, what a screen reader is told, and failures
 * explained by the host's own Chinese words (HostError) or a generic message.
 */
import type { WriteReport } from "../../src/core";
import { checkDocument, type CheckOutcome } from "../../src/hosts/actions";
import { HostError } from "../../src/hosts/host";
import { MemoryDocument } from "../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import {
  capabilityNotices,
  checkNotices,
  failureNotice,
  insertNotices,
} from "../../src/taskpane/pane-notices";
import {
  initialPaneState,
  mustConfirm,
  paneReducer,
  type PaneAction,
  type PaneState,
} from "../../src/taskpane/pane-state";
import { STRINGS } from "../../src/taskpane/strings";
import { templateChoice } from "../../src/taskpane/template-choice";
import { docx, FAULTY_TABLE4, statutoryReport } from "../support/docx-builder";

const report = (extra: Partial<WriteReport> = {}): WriteReport => ({
  shaded: 0,
  commented: 0,
  restored: 0,
  recolored: [],
  missing: [],
  skipped: [],
  unreadable: [],
  newerLedger: null,
  ...extra,
});

/** A real check of a report with one error in table 四, on the in-memory host. */
async function checked(): Promise<CheckOutcome> {
  const bytes = docx(
    statutoryReport({
      table4: FAULTY_TABLE4,
    }),
  );
  return checkDocument(new MemoryHost(MemoryDocument.fromDocx(bytes)), {
    shading: true,
    reviewer: false,
  });
}

const noStorage = capabilityNotices({ comments: false, documentStorage: false });

/** Runs actions from a state, checking that none of them changes a state it was given. */
function run(state: PaneState, ...actions: PaneAction[]): PaneState {
  return actions.reduce((s, action) => {
    const before = JSON.stringify(s, (_k, v: unknown) => (v instanceof Set ? [...v] : v));
    const next = paneReducer(s, action);
    expect(JSON.stringify(s, (_k, v: unknown) => (v instanceof Set ? [...v] : v))).toBe(before);
    return next;
  }, state);
}

describe("the pane's state", () => {
  let outcome: CheckOutcome;
  beforeAll(async () => {
    outcome = await checked();
  });

  it("starts idle, every severity shown, with the host's own notices", () => {
    const state = initialPaneState(noStorage);
    expect(state).toMatchObject({ stage: null, outcome: null, current: null, shading: true });
    expect([...state.shown]).toEqual(["error", "warning", "info"]);
    expect(state.notices.map((n) => n.text)).toEqual([STRINGS.noStorage]);
  });

  it("after a check: the outcome, the check's notices under the host's, and the counts announced", () => {
    const state = run(
      initialPaneState(noStorage),
      { type: "started", stage: "checking" },
      { type: "checked", outcome },
    );
    expect(state.stage).toBeNull();
    expect(state.outcome).toBe(outcome);
    expect(state.notices).toEqual([...noStorage, ...checkNotices(outcome)]);
    const errors = outcome.ignores.active.filter((f) => f.severity === "error").length;
    const warnings = outcome.ignores.active.filter((f) => f.severity === "warning").length;
    expect(errors).toBeGreaterThan(0);
    expect(state.announcement.text).toBe(`检查完成：错误 ${errors} 项，警告 ${warnings} 项`);
    // The same words again are a new announcement.
    const again = run(state, { type: "checked", outcome });
    expect(again.announcement.text).toBe(state.announcement.text);
    expect(again.announcement.serial).not.toBe(state.announcement.serial);
  });

  it("shows what the host could not read as it should, after the check's own notices", () => {
    const note = "文本框中有 1 个表格：已检查，但无法在其中标记或批注。";
    const noted = { ...outcome, state: { ...outcome.state, notes: [note] } };
    const notices = checkNotices(noted);
    expect(notices.at(-1)).toEqual({ intent: "info", text: note });
    expect(notices.slice(0, -1)).toEqual(checkNotices(outcome));
  });

  it("announces the position and asks for focus when 上一个 / 下一个 move, not on a click", () => {
    const finding = outcome.ignores.active[0]!;
    const clicked = run(initialPaneState([]), { type: "selected", finding });
    expect(clicked.current).toBe(finding);
    expect(clicked.focusRequest).toBe(0);
    expect(clicked.announcement.text).toBe("");
    const walked = run(clicked, {
      type: "selected",
      finding,
      position: { index: 1, total: 4 },
    });
    expect(walked.announcement.text).toBe("第 2 项，共 4 项");
    expect(walked.focusRequest).toBe(1);
  });

  it("explains a failure with the HostError's Chinese message, anything else generically", () => {
    const cause = new Error("GeneralException");
    const hostError = new HostError("WPS 未能写入任何标记，文档没有改动。", cause);
    const state = run(
      initialPaneState(noStorage),
      { type: "started", stage: "clearing" },
      { type: "failed", failure: STRINGS.failed.clear, error: hostError },
      { type: "started", stage: "checking" },
      { type: "failed", failure: STRINGS.failed.check, error: cause },
    );
    expect(state.stage).toBeNull();
    expect(state.notices.map((n) => [n.intent, n.title, n.text])).toEqual([
      ["warning", undefined, STRINGS.noStorage],
      ["error", "操作未完成", "清除标记未能完成。WPS 未能写入任何标记，文档没有改动。"],
      ["error", "操作未完成", `检查未能完成。${STRINGS.failed.retry}`],
    ]);
    // An object that merely looks like a HostError is not one.
    expect(failureNotice("X", { userMessage: "伪造" }).text).toBe(`X${STRINGS.failed.retry}`);
  });

  it("a HostError keeps the user's message and the cause", () => {
    const cause = new Error("RichApi.Error");
    const error = new HostError("未能读取文档。", cause);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("HostError");
    expect(error.userMessage).toBe("未能读取文档。");
    expect(error.cause).toBe(cause);
    expect(error.message).toBe("RichApi.Error");
    expect(new HostError("没有打开的文档。").message).toBe("没有打开的文档。");
  });

  it("after a clear, says what was restored, or that a newer version's marks were left", () => {
    const state = run(initialPaneState([]), {
      type: "cleared",
      report: report({ restored: 3, commented: 1 }),
    });
    expect(state.notices.map((n) => n.text)).toEqual([STRINGS.cleared(3, 1)]);
    const newer = run(state, { type: "cleared", report: report({ newerLedger: "9" }) });
    expect(newer.notices.map((n) => n.text)).toEqual([STRINGS.newerLedger.clear]);
  });

  it("asks about a template, closes the question when inserting, and warns the findings are stale", () => {
    const choice = templateChoice(outcome.result);
    const asked = run(
      initialPaneState([]),
      { type: "checked", outcome },
      { type: "started", stage: "reading" },
      { type: "askTemplate", choice },
    );
    expect(asked.templateQuestion).toBe(choice);
    expect(asked.stage).toBeNull();
    const inserting = run(asked, { type: "started", stage: "inserting" });
    expect(inserting.templateQuestion).toBeNull();
    const inserted = run(inserting, { type: "inserted", placement: { placement: "cursor" } });
    expect(inserted.notices).toEqual(insertNotices({ placement: "cursor" }, true));
    expect(inserted.notices.map((n) => n.text)).toEqual([STRINGS.inserted.cursor, STRINGS.stale]);
    expect(insertNotices({ placement: "after-table" }, false)).toHaveLength(1);
  });

  it("notes a jump to a place that moved or failed, and dismisses a notice by its index", () => {
    const state = run(
      initialPaneState(noStorage),
      { type: "selectFailed", reason: "moved" },
      { type: "selectFailed", reason: "error" },
      { type: "dismiss", index: 0 },
    );
    expect(state.notices.map((n) => n.text)).toEqual([
      STRINGS.moved,
      `${STRINGS.failed.jump}${STRINGS.failed.retry}`,
    ]);
  });

  it("toggles a severity in the filter and sets the options", () => {
    const state = run(
      initialPaneState([]),
      { type: "toggleSeverity", severity: "info" },
      { type: "option", name: "reviewer", value: true },
      { type: "option", name: "shading", value: false },
    );
    expect([...state.shown]).toEqual(["error", "warning"]);
    expect(state).toMatchObject({ reviewer: true, shading: false });
    expect([...run(state, { type: "toggleSeverity", severity: "info" }).shown].sort()).toEqual([
      "error",
      "info",
      "warning",
    ]);
  });

  it("asks before writing where 修订 cannot be paused, until the user agrees once", () => {
    const start = initialPaneState([]);
    expect(mustConfirm(start, false)).toBe(true);
    expect(mustConfirm(start, undefined)).toBe(false);
    const asked = run(start, { type: "confirm", action: "clear" });
    expect(asked.confirming).toBe("clear");
    const checkOnly = run(asked, { type: "answered", accepted: false });
    expect(checkOnly.confirming).toBeNull();
    expect(mustConfirm(checkOnly, false)).toBe(true);
    const agreed = run(asked, { type: "answered", accepted: true });
    expect(mustConfirm(agreed, false)).toBe(false);
    expect(mustConfirm(run(agreed, { type: "answered", accepted: false }), false)).toBe(false);
  });

  it("opens and closes the self-test", () => {
    const open = run(initialPaneState([]), { type: "selfTest", open: true });
    expect(open.selfTest).toBe(true);
    expect(run(open, { type: "selfTest", open: false }).selfTest).toBe(false);
  });
});
