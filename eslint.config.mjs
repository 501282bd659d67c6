import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

/** Imports no module outside the core may make: only the core's public index (src/core/index.ts). */
const CORE_INTERNALS = {
  group: ["**/core/*", "!**/core/index"],
  message:
    "Import the core through its public index (src/core/index.ts); export what you need from there.",
};

/** The pane talks to a host only through src/hosts (host.ts, detect, actions), never to an adapter. */
const HOST_ADAPTERS = {
  group: ["**/hosts/word", "**/hosts/word/**", "**/hosts/wps", "**/hosts/wps/**"],
  message:
    "The pane must not import the Word or WPS adapter; go through the host interface (src/hosts/host.ts).",
};

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "node_modules/**", "test-output/**"] },
  js.configs.recommended,
  // Rules that see types (misused and floating promises, unsafe any, unbound methods...).
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Off on purpose: hosts, fakes and probes implement Promise-returning interfaces with
      // `async` functions that need no await, so that a throw becomes a rejection as the
      // interface promises; rewriting them as Promise.resolve(...) would lose exactly that.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    ...reactHooks.configs.flat["recommended-latest"],
  },
  {
    files: ["**/*.tsx"],
    // A missing dependency is a stale closure: an error, not a warning nobody reads.
    rules: { "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      // The core runs in the task pane and in Node alike: no host, UI or Node imports.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "worker_threads"],
              message: "src/core must stay free of Node APIs",
            },
            {
              group: ["react", "react-dom", "@fluentui/*"],
              message: "src/core must stay free of UI code",
            },
            {
              group: ["**/hosts/**", "**/cli/**", "**/taskpane/**"],
              message: "src/core must not depend on front ends",
            },
          ],
        },
      ],
    },
  },
  {
    // Shipped code outside the core sees only the core's public index. Tests may reach inside.
    files: ["src/**/*.ts", "src/**/*.tsx", "scripts/**/*.ts"],
    ignores: ["src/core/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [CORE_INTERNALS] }] },
  },
  {
    files: ["src/taskpane/**", "src/demo/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [CORE_INTERNALS, HOST_ADAPTERS] }] },
  },
  {
    // JavaScript files are in no tsconfig: lint them without types.
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.js", "**/*.cjs", "bin/**"],
    languageOptions: {
      sourceType: "commonjs",
      globals: globals.node,
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
