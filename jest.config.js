/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // The console is captured: a test asserts the output it expects (test/support/console.ts).
  setupFilesAfterEnv: ["<rootDir>/test/support/console-guard.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
