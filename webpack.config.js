// Builds the pane. Targets (--env target=…):
//   office (default): dist/web — the Word add-in: taskpane.html with office.js, icons, and
//     manifest.xml with its URLs pointing at --env url=… (default https://localhost:3000/).
//   demo: dist/demo — the pane beside an in-memory document with a bundled sample, for
//     trying the add-in in any browser (`npm run demo`).
//   wps: dist/wps — the WPS add-in folder as wpsjs lays it out: package.json (name, version,
//     addonType), ribbon.xml, the JsPlugin manifest.xml, index.html loading a fixed-name main.js
//     (the ribbon callbacks), taskpane.html without office.js, images/, jsplugins.xml pointing
//     at --env url=… and publish.xml for an offline install.
// Every build's code, node_modules included, is compiled and polyfilled for the oldest engine
// of its target (scripts/engines.js). The pane page first runs boot.js, plain ES5, which tells
// the user when the engine is too old and otherwise loads the bundle.
// --env officeJs=URL loads office.js from that address instead of Microsoft's CDN;
// --env officeJs=local copies office.js from the pinned @microsoft/office-js package into
// office-js/ of the build, for intranets that cannot reach the CDN.
// `webpack serve` serves the office target over https with the Office dev certificates, as
// the Office add-in template does, for `npm start`.
const path = require("node:path");
const { createHash } = require("node:crypto");
const { readdirSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources } = require("webpack");
const { presetEnv } = require("./babel.config");
const { ENGINES } = require("./scripts/engines");
const pkg = require("./package.json");

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
          // Shipped as they are: boot.js is hand-written ES5 (a minifier may rewrite it into
          // newer syntax) and office.js may not be modified (its licence).
          for (const [name, content] of this.files())
            compilation.emitAsset(name, new sources.RawSource(content), { minimized: true });
        },
      );
    });
  }
}

/** Writes the path of every module in the build to a file (--env moduleList=FILE, for tests). */
class ModuleList {
  constructor(file) {
    this.file = file;
  }
  apply(compiler) {
    compiler.hooks.done.tap("ModuleList", (stats) => {
      const paths = new Set();
      const add = (module) => {
        if (module.resource) paths.add(path.relative(__dirname, module.resource));
        for (const inner of module.modules ?? []) add(inner);
      };
      for (const module of stats.compilation.modules) add(module);
      writeFileSync(this.file, JSON.stringify([...paths].sort(), null, 1));
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

const BOOT = path.resolve(__dirname, "src/taskpane/boot.js");

/** boot.js, plain ES5 and never transpiled, under a name that changes with its content. */
function bootFile() {
  const content = readFileSync(BOOT);
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 8);
  return [`boot.${hash}.js`, content];
}

const xmlAttribute = (value) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function wpsFiles(url) {
  const read = (name) => readFileSync(path.resolve(__dirname, "wps", name), "utf8");
  const base = url.endsWith("/") ? url : `${url}/`;
  const folder = `${pkg.name}_${pkg.version}`;
  return [
    // wpsjs reads name, version and addonType from the add-in folder's package.json.
    [
      "package.json",
      `${JSON.stringify({ name: pkg.name, version: pkg.version, addonType: "wps" }, null, 2)}\n`,
    ],
    ["index.html", read("index.html")],
    ["ribbon.xml", read("ribbon.xml")],
    ["manifest.xml", read("manifest.xml")],
    ["jsplugins.xml", read("jsplugins.xml").replace("__URL__", xmlAttribute(base))],
    [
      "publish.xml",
      read("publish.xml")
        .replace(/__FOLDER__/g, folder)
        .replace(/__VERSION__/g, pkg.version),
    ],
    ...icons().map(([name, content]) => [name.replace(/^assets\//, "images/"), content]),
  ];
}

const OFFICE_JS_PACKAGE = path.dirname(require.resolve("@microsoft/office-js/package.json"));

/**
 * What Word needs of the @microsoft/office-js package, under office-js/: the loader, the Word
 * runtimes for every platform, the host-to-file table, the Promise polyfill office.js loads on
 * old webviews, each locale's strings, and the licence. Debug builds and the other hosts' files
 * (Excel, Outlook, …) are left out.
 */
function localOfficeJs() {
  const dist = path.join(OFFICE_JS_PACKAGE, "dist");
  const files = [];
  for (const name of readdirSync(dist)) {
    const full = path.join(dist, name);
    if (statSync(full).isDirectory()) {
      const strings = path.join(full, "office_strings.js");
      try {
        files.push([`office-js/${name}/office_strings.js`, readFileSync(strings)]);
      } catch {
        // not a locale folder
      }
    } else if (
      /^(office|o15apptofilemappingtable|es6-promise|word-[\w.-]+|wordios-15)\.js$/.test(name) &&
      !name.includes(".debug.")
    ) {
      files.push([`office-js/${name}`, readFileSync(full)]);
    }
  }
  files.push(["office-js/LICENSE.md", readFileSync(path.join(OFFICE_JS_PACKAGE, "LICENSE.md"))]);
  return files;
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
  const engine = ENGINES[target];
  if (!engine) throw new Error(`unknown --env target=${target}: office, demo or wps`);
  const browsers = engine.browsers.join(", ");
  // Read by babel.config.js for the project's own code.
  process.env.NIANBAO_BROWSERS = browsers;
  const serving = Boolean(env.WEBPACK_SERVE);
  const localOffice = env.officeJs === "local";
  const officeJs =
    demo || wps ? "" : localOffice ? "office-js/office.js" : (env.officeJs ?? OFFICE_JS);
  const boot = bootFile();
  return {
    mode: argv.mode ?? "production",
    target: `browserslist:${browsers}`,
    entry: demo
      ? { demo: "./src/demo/index.tsx" }
      : wps
        ? { taskpane: "./src/taskpane/index.tsx", main: "./src/wps-addin/main.ts" }
        : { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, demo ? "dist/demo" : wps ? "dist/wps" : "dist/web"),
      // WPS's start-up page loads main.js by that name: it cannot carry a hash.
      filename: (chunk) =>
        wps && chunk.chunk.name === "main" ? "main.js" : "[name].[contenthash:8].js",
      clean: true,
      // The minimizer picks the syntax it may emit from these flags, and takes BigInt literals
      // or import() as licence for ES2020 (`??`, `?.`): below ES2020 neither may count.
      ...(engine.ecmaVersion < 2020
        ? { environment: { bigIntLiteral: false, dynamicImport: false } }
        : {}),
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // envName: a build started from jest inherits NODE_ENV=test, which would otherwise
          // select babel.config.js's Node targets.
          use: { loader: "babel-loader", options: { cacheDirectory: true, envName: "bundle" } },
        },
        {
          // Dependencies ship modern JavaScript (React, Fluent UI, zod): compile and polyfill
          // them for the same engines. core-js is the polyfills themselves. Fluent's icon
          // tables (tens of MB of `export const X = createFluentIcon("…")`) are left as they
          // are for build time; test/browser/engines.test.ts parses what ships at the floor's level.
          test: /\.[cm]?js$/,
          include: /node_modules/,
          exclude: [
            /node_modules[\\/](core-js|@babel[\\/]runtime|webpack)[\\/]/,
            /node_modules[\\/]@fluentui[\\/]react-icons[\\/]lib[\\/](sizedIcons|icons|atoms|fonts)[\\/]/,
          ],
          use: {
            loader: "babel-loader",
            options: {
              babelrc: false,
              configFile: false,
              cacheDirectory: true,
              compact: true,
              sourceType: "unambiguous",
              presets: [["@babel/preset-env", presetEnv(browsers)]],
            },
          },
        },
        { test: /\.docx$/, type: "asset/inline" },
      ],
    },
    plugins: [
      ...(env.moduleList ? [new ModuleList(path.resolve(env.moduleList))] : []),
      new EmitFiles(() => [
        boot,
        ...(demo
          ? [["help.html", help()]]
          : wps
            ? [...wpsFiles(env.url ?? "http://127.0.0.1:3889/"), ["help.html", help()]]
            : [
                ...(localOffice ? localOfficeJs() : []),
                ...icons(),
                ...manifest(env.url ?? DEV_URL),
                ["help.html", help()],
                // The Word ribbon's function file (src/word-addin), beside the pane.
                ...["commands.html", "commands.js"].map((name) => [
                  name,
                  readFileSync(path.resolve(__dirname, "src/word-addin", name)),
                ]),
              ]),
      ]),
      new HtmlWebpackPlugin({
        template: "src/taskpane/taskpane.html",
        filename: demo ? "index.html" : "taskpane.html",
        chunks: [demo ? "demo" : "taskpane"],
        // boot.js loads the bundle once it has checked the engine.
        inject: false,
        title: demo ? "年报校核 · 演示" : "年报校核",
        officeJs,
        boot: boot[0],
        connecting: wps ? "正在连接 WPS…" : demo ? "正在加载…" : "正在连接 Word…",
        nianbaoTarget: target,
        chromium: engine.chromium,
      }),
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
