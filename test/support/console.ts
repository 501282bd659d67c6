/**
 * Console output during the tests. Every test runs with the console captured
 * (test/support/console-guard.ts): nothing is printed, and a test that writes to the console
 * without claiming it fails, naming what it wrote. A test that provokes an expected warning
 * takes it and asserts it:
 *
 *   expect(takeConsole("warn", /InsertXML/)).toHaveLength(1);
 *
 * or, where the count depends on the case (a property run), allows it for the rest of the
 * test with allowConsole("warn", /^nianbao: /).
 */
import { format } from "node:util";

export const CONSOLE_LEVELS = ["log", "info", "warn", "error", "debug"] as const;
export type ConsoleLevel = (typeof CONSOLE_LEVELS)[number];

export interface ConsoleCall {
  level: ConsoleLevel;
  /** The message as console would print it, errors by their message only (no stack). */
  text: string;
  args: unknown[];
}

interface Allowance {
  level: ConsoleLevel;
  pattern: RegExp | string;
}

class ConsoleState {
  /** Calls not yet claimed, in the current test or (outside any test) in the file. */
  calls: ConsoleCall[] = [];
  allowances: Allowance[] = [];
  inTest = false;
  /** Calls made outside any test (at load, in beforeAll/afterAll) and not claimed. */
  outside: ConsoleCall[] = [];

  record(level: ConsoleLevel, args: unknown[]): void {
    const call = { level, text: describe(args), args };
    if (this.allowances.some((a) => matches(call, a.level, a.pattern))) return;
    (this.inTest ? this.calls : this.outside).push(call);
  }

  beginTest(): void {
    this.inTest = true;
    this.calls = [];
    this.allowances = [];
  }

  /** The calls the test made and did not claim. */
  endTest(): ConsoleCall[] {
    const left = this.calls;
    this.inTest = false;
    this.calls = [];
    this.allowances = [];
    return left;
  }
}

const KEY = Symbol.for("nianbao.test.console");

/** One state per test file, whatever module registry the caller was loaded in. */
export function consoleState(): ConsoleState {
  const holder = globalThis as unknown as Record<symbol, ConsoleState | undefined>;
  return (holder[KEY] ??= new ConsoleState());
}

function describe(args: unknown[]): string {
  return format(...args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : a)));
}

function matches(call: ConsoleCall, level: ConsoleLevel | undefined, pattern?: RegExp | string) {
  if (level && call.level !== level) return false;
  if (pattern === undefined) return true;
  return typeof pattern === "string" ? call.text.includes(pattern) : pattern.test(call.text);
}

/**
 * Takes (claims) the console calls of the current test so far that match the level and the
 * pattern, and returns them for the test to assert.
 */
export function takeConsole(level?: ConsoleLevel, pattern?: RegExp | string): ConsoleCall[] {
  const state = consoleState();
  const pool = state.inTest ? state.calls : state.outside;
  const taken = pool.filter((c) => matches(c, level, pattern));
  const left = pool.filter((c) => !taken.includes(c));
  if (state.inTest) state.calls = left;
  else state.outside = left;
  return taken;
}

/** The texts of the calls takeConsole takes: for `expect(...).toEqual([...])`. */
export function takeConsoleText(level?: ConsoleLevel, pattern?: RegExp | string): string[] {
  return takeConsole(level, pattern).map((c) => c.text);
}

/** Claims, until the current test ends, every call that matches (those so far included). */
export function allowConsole(level: ConsoleLevel, pattern: RegExp | string): void {
  takeConsole(level, pattern);
  consoleState().allowances.push({ level, pattern });
}
