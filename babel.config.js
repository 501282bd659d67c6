// Test and bundle transpilation. Pure JavaScript on purpose: native transpilers ship per-platform
// binaries that the package mirror does not always carry, which breaks `npm ci` on a clean clone.
// Bundles (NIANBAO_BROWSERS set by webpack.config.js from scripts/engines.js) are compiled for
// the oldest engine of their target, with the core-js polyfills the code actually uses;
// webpack.config.js runs the same preset-env over the JavaScript of node_modules.
module.exports = (api) => {
  const isTest = api.env("test");
  const browsers = api.cache.using(() => process.env.NIANBAO_BROWSERS ?? "");
  return {
    presets: [
      ["@babel/preset-env", isTest ? { targets: { node: "current" } } : presetEnv(browsers)],
      ["@babel/preset-typescript", { allowDeclareFields: true }],
      ["@babel/preset-react", { runtime: "automatic" }],
    ],
  };
};

/** preset-env for a browser bundle: the given targets, usage polyfills from core-js. */
function presetEnv(browsers) {
  return {
    targets: browsers || require("./scripts/engines").ENGINES.office.browsers.join(", "),
    useBuiltIns: "usage",
    corejs: require("core-js/package.json").version,
    bugfixes: true,
  };
}
module.exports.presetEnv = presetEnv;
