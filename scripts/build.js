// Builds one target of the pane with webpack and then checks its size budget:
//   node scripts/build.js office|demo|wps [webpack arguments…]
// Arguments after the target go to webpack, so `npm run build:web -- --env url=https://…/`
// reaches the manifest. Prints the build time.
"use strict";
const { spawnSync } = require("node:child_process");
const { join, resolve } = require("node:path");

const ROOT = join(__dirname, "..");
const OUTPUT = { office: "dist/web", demo: "dist/demo", wps: "dist/wps" };

const [target, ...rest] = process.argv.slice(2);
if (!(target in OUTPUT)) {
  console.error("usage: node scripts/build.js office|demo|wps [webpack arguments…]");
  process.exit(2);
}
const outputAt = rest.findIndex((a) => a === "--output-path" || a.startsWith("--output-path="));
const output =
  outputAt < 0
    ? join(ROOT, OUTPUT[target])
    : resolve(rest[outputAt].includes("=") ? rest[outputAt].split("=")[1] : rest[outputAt + 1]);

const started = process.hrtime.bigint();
const webpack = spawnSync(
  process.execPath,
  [
    join(ROOT, "node_modules/webpack/bin/webpack.js"),
    "--mode",
    "production",
    "--env",
    `target=${target}`,
    ...rest,
  ],
  { cwd: ROOT, stdio: "inherit" },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`webpack (${target}) took ${seconds.toFixed(1)} s`);
if (webpack.status !== 0) process.exit(webpack.status ?? 1);
if (target === "demo") process.exit(0);
const size = spawnSync(process.execPath, [join(__dirname, "bundle-size.js"), output], {
  stdio: "inherit",
});
process.exit(size.status ?? 1);
