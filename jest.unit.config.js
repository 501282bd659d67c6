// `npm run test:unit`: the tests that need no browser, no compiled command line and no
// LibreOffice: the colocated tests under src/, test/unit (the engine across modules, the hosts
// over their fakes, annotation, the validator) and test/repo-policy (checks of the repository).
// test/cli, test/browser and test/libreoffice hold the rest; the folder says what a suite needs.
const base = require("./jest.config");

module.exports = {
  ...base,
  roots: ["<rootDir>/src", "<rootDir>/test/unit", "<rootDir>/test/repo-policy"],
};
