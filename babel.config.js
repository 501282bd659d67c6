// Test and bundle transpilation. Pure JavaScript on purpose: native transpilers ship per-platform
// binaries that the package mirror does not always carry, which breaks `npm ci` on a clean clone.
// The WPS build (NIANBAO_BROWSERS set by webpack.config.js) targets the older Chromium engines
// WPS embeds, with the core-js polyfills its code actually uses.
module.exports = (api) => {
  const isTest = api.env("test");
  const browsers = api.cache.using(() => process.env.NIANBAO_BROWSERS ?? "");
  const env = isTest
    ? { targets: { node: "current" } }
    : browsers
      ? { targets: browsers, useBuiltIns: "usage", corejs: "3.51" }
      : { targets: "chrome 69, edge 79, safari 12" };
  return {
    presets: [
      ["@babel/preset-env", env],
      ["@babel/preset-typescript", { allowDeclareFields: true }],
      ["@babel/preset-react", { runtime: "automatic" }],
    ],
  };
};
