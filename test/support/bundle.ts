/** Bundles a test helper for the browser with webpack, as the pane itself is built. */
import webpack from "webpack";

export function bundleForBrowser(entry: string, path: string, filename: string): Promise<void> {
  return new Promise((done, fail) =>
    webpack(
      {
        mode: "development",
        devtool: false,
        entry,
        output: { path, filename },
        resolve: { extensions: [".ts", ".tsx", ".js"] },
        module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: "babel-loader" }] },
      },
      (error, stats) =>
        error || stats?.hasErrors() ? fail(error ?? new Error(stats?.toString())) : done(),
    ),
  );
}
