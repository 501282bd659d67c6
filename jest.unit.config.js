// `npm run test:unit`: the tests that need no browser, no compiled command line and no
// LibreOffice (the engine, the hosts over their fakes, annotation, the validator).
const base = require("./jest.config");

/** Suites that start Chromium, build bundles, run bin/nianbao.js or call soffice. */
const SLOW = [
  // Chromium, and the pane built with webpack
  "demo-e2e",
  "html-report",
  "manifest",
  "no-network",
  "pane-file-check",
  "self-test-browser",
  "word-pane",
  "wps-addin",
  "engines",
  // the compiled command line (bin/nianbao.js, worker threads, another user)
  "batch",
  "cli",
  "cli-hostile",
  "cli-interrupt",
  "cli-output",
  "cli-scan",
  "pack-offline",
  // LibreOffice
  "template-render",
  "annotate-libreoffice",
  "cli-xlsx",
];

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", `<rootDir>/test/(${SLOW.join("|")})\\.test\\.tsx?$`],
};
