/**
 * axe-core (the accessibility engine) run over a page in the browser tests: loaded from
 * node_modules, never from the network, evaluated through the debugging protocol so the page's
 * Content-Security-Policy does not refuse it. Every violation fails the test, except moderate
 * and minor ones the caller justifies by rule id (with the reason in a comment at the call):
 * those are listed once at the end of the run (test/support/notes.ts), never hidden.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { settled } from "./browser";
import { testNote } from "./notes";

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: AxeNode[];
}

export interface AxeOptions {
  /** Moderate or minor rules accepted here, each justified at the call. */
  justified?: string[];
  /** CSS selectors axe leaves out (content that is not ours, e.g. the demo's document). */
  exclude?: string[];
}

/** One line per violation: impact, rule, what it asks, and where. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact ?? "?"} ${v.id} (${v.help}): ` +
        v.nodes
          .slice(0, 5)
          .map((n) => n.target.map(String).join(" > "))
          .join("; "),
    )
    .join("\n");
}

/** Runs axe over the page as it is now; throws naming every violation not justified. */
export async function expectAccessible(
  page: Page,
  state: string,
  options: AxeOptions = {},
): Promise<void> {
  // Colours mid-transition (a theme switch, a hover) would be judged half-way.
  await settled(page);
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(axeSource());
  const violations = await page.evaluate(async (exclude) => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const context = exclude.length > 0 ? { exclude: exclude.map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, options.exclude ?? []);
  const justified = new Set(options.justified ?? []);
  const accepted = violations.filter(
    (v) => justified.has(v.id) && (v.impact === "moderate" || v.impact === "minor"),
  );
  for (const v of accepted) testNote("note", `axe, ${state}: justified ${describeViolations([v])}`);
  const failing = violations.filter((v) => !accepted.includes(v));
  if (failing.length > 0)
    throw new Error(
      `axe found accessibility violations (${state}):\n${describeViolations(failing)}`,
    );
}
