/**
 * The cycle guard: no module of src/ imports itself through others. Type-only imports do not
 * count: they are erased when compiling (isolatedModules), so they cannot change the order in
 * which modules run. madge builds the graph (one pass over src/, a few seconds); running it
 * here rather than as an ESLint rule keeps `npm run lint` from resolving every import again.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import madge from "madge";

const ROOT = resolve(__dirname, "../..");

async function importGraph(dir: string, tsConfig?: string) {
  return madge(dir, {
    fileExtensions: ["ts", "tsx"],
    ...(tsConfig ? { tsConfig } : {}),
    detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
  });
}

describe("import cycles", () => {
  it("src/ has none", async () => {
    const graph = await importGraph(join(ROOT, "src"), join(ROOT, "tsconfig.json"));
    // A graph madge could not resolve would have no cycles either: make sure it saw src/ whole.
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(150);
    expect(graph.warnings().skipped).toEqual([]);
    expect(graph.circular()).toEqual([]);
  }, 120_000);

  it("finds a cycle of value imports, and ignores one of type imports only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-cycles-"));
    writeFileSync(join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
    writeFileSync(join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
    writeFileSync(join(dir, "c.ts"), 'import type { D } from "./d";\nexport type C = D[];\n');
    writeFileSync(join(dir, "d.ts"), 'import type { C } from "./c";\nexport type D = C | 1;\n');
    const graph = await importGraph(dir);
    expect(graph.circular()).toEqual([["a.ts", "b.ts"]]);
  }, 120_000);
});
