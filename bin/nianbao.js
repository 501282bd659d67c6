#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../dist/node/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("nianbao: 尚未构建。请先运行 npm ci（或 npm run build:cli）。\n");
    process.exit(2);
  }
  throw error;
}
cli.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`nianbao: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
