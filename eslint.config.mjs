import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "node_modules/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    files: ["**/*.js", "**/*.cjs", "bin/**"],
    languageOptions: {
      sourceType: "commonjs",
      globals: globals.node,
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
