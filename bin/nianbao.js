#!/usr/bin/env node
"use strict";
// run() turns every failure into one Chinese line; this is only the last resort.
const debug = process.argv.includes("--debug");
// A reader that stops early (`nianbao check --help | head`) is not a failure: stop quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
let cli;
try {
  cli = require("../dist/node/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && !debug) {
    process.stderr.write("nianbao：尚未构建。请先运行 npm ci（或 npm run build:cli）。\n");
    process.exit(2);
  }
  process.stderr.write(
    `nianbao：无法启动。\n${debug && error && error.stack ? error.stack : ""}\n`,
  );
  process.exit(2);
}
cli.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      "nianbao：处理时出现内部错误，已停止。请加 --debug 重新运行，并把显示的内容发给技术人员\n",
    );
    if (debug) process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
