/**
 * Installed for every test file (jest.config.js, setupFilesAfterEnv): the console is captured,
 * never printed. Output a test did not claim with takeConsole/allowConsole (./console.ts)
 * fails that test and says what was written; output outside any test (at load, in beforeAll)
 * is listed at the end of the run by summary-reporter.js, which then fails the run.
 */
import { relative } from "node:path";
import { CONSOLE_LEVELS, consoleState, type ConsoleCall } from "./console";
import { testNote } from "./notes";

const state = consoleState();
for (const level of CONSOLE_LEVELS)
  console[level] = (...args: unknown[]) => state.record(level, args);

const list = (calls: ConsoleCall[]) =>
  calls.map((c) => `  console.${c.level}: ${c.text.split("\n")[0] ?? ""}`).join("\n");

beforeEach(() => state.beginTest());

afterEach(() => {
  const left = state.endTest();
  if (left.length > 0)
    throw new Error(
      `the test wrote to the console without claiming it:\n${list(left)}\n` +
        "Expected output: take it with takeConsole() or allowConsole() from test/support/console.ts and assert it.",
    );
});

afterAll(() => {
  const file = relative(process.cwd(), expect.getState().testPath ?? "");
  for (const call of state.outside.splice(0))
    testNote("unexpected", `${file}: console.${call.level}: ${call.text.split("\n")[0] ?? ""}`);
});
