// Builds the pane. Targets (--env target=…):
//   office (default): dist/web — the Word add-in: taskpane.html with office.js, icons, and
//     manifest.xml with its URLs pointing at --env url=… (default https://localhost:3000/).
//   demo: dist/demo — the pane beside an in-memory document with a bundled sample, for
//     trying the add-in in any browser (`npm run demo`).
//   wps: dist/wps — the WPS add-in folder: ribbon.xml, the JsPlugin manifest.xml, index.html
//     with the ribbon callbacks, taskpane.html without office.js, icons, and jsplugins.xml
//     pointing at --env url=…; transpiled for the older Chromium engines WPS embeds.
// `webpack serve` serves the office target over https with the Office dev certificates, as
// the Office add-in template does, for `npm start`.
const path = require("node:path");
const { readdirSync, readFileSync } = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources } = require("webpack");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Emits extra files: the manifest's icons, and the manifest itself for the office target. */
class EmitFiles {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EmitFiles", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "EmitFiles", stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, content] of this.files())
            compilation.emitAsset(name, new sources.RawSource(content));
        },
      );
    });
  }
}

function icons() {
  const dir = path.resolve(__dirname, "assets");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".png"))
    .map((name) => [`assets/${name}`, readFileSync(path.join(dir, name))]);
}

function help() {
  return readFileSync(path.resolve(__dirname, "src/taskpane/help.html"));
}

function wpsFiles(url) {
  const read = (name) => readFileSync(path.resolve(__dirname, "wps", name), "utf8");
  const base = url.endsWith("/") ? url : `${url}/`;
  return [
    ["ribbon.xml", read("ribbon.xml")],
    ["manifest.xml", read("manifest.xml")],
    ["jsplugins.xml", read("jsplugins.xml").replace("__URL__", base)],
    ...icons().map(([name, content]) => [name.replace(/^assets\//, "images/"), content]),
  ];
}

function manifest(url) {
  const base = url.endsWith("/") ? url : `${url}/`;
  const xml = readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8");
  return [["manifest.xml", xml.split(DEV_URL).join(base)]];
}

module.exports = async (env = {}, argv = {}) => {
  const target = env.target ?? "office";
  const production = (argv.mode ?? "production") === "production";
  const demo = target === "demo";
  const wps = target === "wps";
  // Read by babel.config.js: older engines, with polyfills, for WPS only.
  if (wps) process.env.NIANBAO_BROWSERS = "chrome 63";
  else delete process.env.NIANBAO_BROWSERS;
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: argv.mode ?? "production",
    entry: demo
      ? { demo: "./src/demo/index.tsx" }
      : wps
        ? { taskpane: "./src/taskpane/index.tsx", main: "./src/wps-addin/main.ts" }
        : { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, demo ? "dist/demo" : wps ? "dist/wps" : "dist/web"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "babel-loader" } },
        { test: /\.docx$/, type: "asset/inline" },
      ],
    },
    plugins: [
      new EmitFiles(() =>
        demo
          ? []
          : wps
            ? [...wpsFiles(env.url ?? "http://127.0.0.1:3889/"), ["help.html", help()]]
            : [
                ...icons(),
                ...manifest(env.url ?? DEV_URL),
                ["help.html", help()],
                ...["commands.html", "commands.js"].map((name) => [
                  name,
                  readFileSync(path.resolve(__dirname, "src/taskpane", name)),
                ]),
              ],
      ),
      new HtmlWebpackPlugin({
        template: "src/taskpane/taskpane.html",
        filename: demo ? "index.html" : "taskpane.html",
        chunks: [demo ? "demo" : "taskpane"],
        title: demo ? "年报校核 · 演示" : "年报校核",
        officeJs: demo || wps ? "" : (env.officeJs ?? OFFICE_JS),
      }),
      ...(wps
        ? [
            new HtmlWebpackPlugin({
              template: "wps/index.html",
              filename: "index.html",
              chunks: ["main"],
            }),
          ]
        : []),
    ],
    performance: { hints: false },
    devtool: production ? false : "source-map",
    devServer: serving ? await devServer(demo) : undefined,
  };
};

/** https with the Office dev certificates for Word; plain http on another port for the demo. */
async function devServer(demo) {
  if (demo) return { port: 3001, host: "localhost", hot: false, client: false };
  const devCerts = require("office-addin-dev-certs");
  return {
    port: 3000,
    host: "localhost",
    hot: false,
    client: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: await devCerts.getHttpsServerOptions() },
  };
}
