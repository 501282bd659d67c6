// Test and bundle transpilation. Pure JavaScript on purpose: native transpilers ship per-platform
// binaries that the package mirror does not always carry, which breaks `npm ci` on a clean clone.
module.exports = (api) => {
  const isTest = api.env("test");
  return {
    presets: [
      [
        "@babel/preset-env",
        isTest ? { targets: { node: "current" } } : { targets: "chrome 69, edge 79, safari 12" },
      ],
      ["@babel/preset-typescript", { allowDeclareFields: true }],
      ["@babel/preset-react", { runtime: "automatic" }],
    ],
  };
};
