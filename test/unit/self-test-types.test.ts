/**
 * The self-test's structural Office.js types (src/hosts/self-test/word-context.ts) are
 * satisfied by the real ones: Word's own RequestContext and the Office global, as typed by
 * @types/office-js. Compiled apart from the project, whose build must not see Office's globals.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "../..");

it("are satisfied by Word.RequestContext and Office from @types/office-js", () => {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-types-"));
  const file = join(dir, "check.ts");
  const context = join(ROOT, "src/hosts/self-test/word-context");
  writeFileSync(
    file,
    [
      '/// <reference types="office-js" />',
      `import type { ProbeOffice, ProbeWordContext } from ${JSON.stringify(context)};`,
      "export const context: ProbeWordContext = null as unknown as Word.RequestContext;",
      "export const office: ProbeOffice = null as unknown as typeof Office;",
      "export const run: (batch: (c: ProbeWordContext) => Promise<void>) => Promise<void> = Word.run;",
    ].join("\n"),
  );
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    typeRoots: [join(ROOT, "node_modules/@types")],
    types: [],
  });
  const messages = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(messages).toEqual([]);
}, 120_000);
