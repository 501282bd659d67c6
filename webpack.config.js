// Builds the task pane into dist/web. The Word add-in (issue 4) adds its host page, office.js
// and the https dev server on top of this.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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
    new HtmlWebpackPlugin({
      template: "src/taskpane/taskpane.html",
      filename: "taskpane.html",
      chunks: ["taskpane"],
    }),
  ],
  performance: { hints: false },
  devtool: argv.mode === "development" ? "source-map" : false,
});
