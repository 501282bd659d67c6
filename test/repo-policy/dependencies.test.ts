/**
 * Every dependency is used and says why it is there: each package in package.json is named in
 * the README's Dependencies table, and each is referenced by the code, a config or a script.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];

/** Used without being named in any file: by a tool's convention, or as a tool's peer. */
const IMPLICIT: Record<string, string> = {
  "@babel/core": "the peer that babel-jest and babel-loader run",
  "babel-jest": "jest's default transform, configured by babel.config.js",
  "webpack-cli": "runs `webpack serve` in the dev-server and demo scripts",
  "webpack-dev-server": "serves `webpack serve`",
  "@types/jest": "tsconfig.json types",
  "@types/node": "tsconfig.json types",
  "@types/react": "types of react",
  "@types/react-dom": "types of react-dom",
  "@types/cli-progress": "types of cli-progress",
  nianbao: "the package itself, so that `npx nianbao` runs this checkout",
};

function sources(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, found);
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name)) found.push(path);
  }
  return found;
}

function dependencyTable(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("## Dependencies");
  expect(start).toBeGreaterThan(-1);
  return readme.slice(start);
}

describe("dependencies", () => {
  it("are each named in the README's Dependencies table", () => {
    const table = dependencyTable();
    const documented = (name: string) =>
      table.includes(name) || (name.startsWith("@types/") && table.includes("@types/"));
    expect(names.filter((name) => !documented(name))).toEqual([]);
  });

  it("are each used by the code, a config or a script", () => {
    const text = [
      ...["src", "test", "scripts", "bin"].flatMap((dir) => sources(join(ROOT, dir))),
      ...readdirSync(ROOT)
        .filter((name) => /\.(js|mjs|cjs)$/.test(name))
        .map((name) => join(ROOT, name)),
    ]
      .map((path) => readFileSync(path, "utf8"))
      .join("\n");
    const scripts = Object.values(pkg.scripts).join(" && ");
    const used = (name: string) =>
      name in IMPLICIT ||
      text.includes(`"${name}"`) ||
      text.includes(`"${name}/`) ||
      text.includes(`node_modules/${name}/`) ||
      text.includes(`/// <reference types="${name.replace(/^@types\//, "")}" />`) ||
      scripts.split(/\s+/).includes(name);
    expect(names.filter((name) => !used(name))).toEqual([]);
  });
});
