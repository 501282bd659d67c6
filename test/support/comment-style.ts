/**
 * What our comments (批注) look like, for every test that reads them: the pane's hosts and the
 * annotated copies write one style, and earlier versions wrote another that clearing must
 * still find through the ledger.
 */
import { RULE_IDS, type Finding } from "../../src/core";

/** An ASCII id such as table4-total: never in a comment a clerk reads. */
export const ASCII_RULE_ID = /\b[a-z0-9]+(-[a-z0-9]+)+\b/;

/** Asserts the style of one of our comments: message and what to do, no prefix, no rule id. */
export function expectCommentStyle(text: string): void {
  expect(text).not.toMatch(ASCII_RULE_ID);
  for (const id of RULE_IDS) expect(text).not.toContain(id);
  expect(text).not.toContain("【年报校核】");
  expect(text.trim()).toBe(text);
  expect(text).toMatch(/[。！？]$/);
  // What to do: a request (请…) or a suggestion (建议…) outside the quoted text.
  expect(text.replace(/“[^”]*”/g, "")).toMatch(/请|建议/);
}

/** The text earlier versions of the pane wrote: a prefix, the message and the rule id. */
export function legacyCommentText(finding: Pick<Finding, "message" | "rule">): string {
  return `【年报校核】${finding.message}（${finding.rule}）`;
}
