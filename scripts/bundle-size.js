// Prints the gzipped size of a pane build (dist/web by default, or the folder given); the
// budget is 320 KB. It was 300 KB until the pane gained the eight content rules, its
// accessibility work and the host overlays (WPS build 313.5 KB, Word smaller). Checked then:
// the pane holds no command-line-only code (baseline reader, config file, zod's locales).
"use strict";
const { readdirSync, readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { gzipSync } = require("node:zlib");

const BUDGET = 320 * 1024;
const dir = resolve(__dirname, "..", process.argv[2] ?? "dist/web");
let total = 0;
for (const name of readdirSync(dir).filter((f) => /\.(js|css|html)$/.test(f))) {
  const size = gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;
  total += size;
  console.log(`${name.padEnd(32)} ${(size / 1024).toFixed(1).padStart(7)} KB gzipped`);
}
console.log(
  `pane total ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)${total > BUDGET ? " — OVER BUDGET" : ""}`,
);
process.exitCode = total > BUDGET ? 1 : 0;
