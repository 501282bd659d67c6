// Builds the task pane into dist/web. The Word add-in (issue 4) adds its host page, office.js
// and the https dev server on top of this.
const path = require("node:path");
const { readdirSync, readFileSync } = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources } = require("webpack");

/** Emits assets/*.png as assets/…, where manifest.xml points for the icons. */
class CopyIcons {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("CopyIcons", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "CopyIcons", stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const dir = path.resolve(__dirname, "assets");
          for (const name of readdirSync(dir).filter((f) => f.endsWith(".png"))) {
            compilation.emitAsset(
              `assets/${name}`,
              new sources.RawSource(readFileSync(path.join(dir, name))),
            );
          }
        },
      );
    });
  }
}

module.exports = (_env, argv) => ({
  mode: argv.mode ?? "production",
  entry: { taskpane: "./src/taskpane/index.tsx" },
  output: {
    path: path.resolve(__dirname, "dist/web"),
    filename: "[name].[contenthash:8].js",
    clean: true,
  },
  resolve: { extensions: [".tsx", ".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "babel-loader" },
      },
    ],
  },
  plugins: [
    new CopyIcons(),
    new HtmlWebpackPlugin({
      template: "src/taskpane/taskpane.html",
      filename: "taskpane.html",
      chunks: ["taskpane"],
    }),
  ],
  performance: { hints: false },
  devtool: argv.mode === "development" ? "source-map" : false,
});
