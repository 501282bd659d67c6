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
process.exitCode = cli.run(process.argv.slice(2));
