/**
 * A copy's name taken during the run, between planning and writing, by a file that is not an
 * untouched copy of ours: that file is kept, and the copy goes to the next free name (-2, -3 …,
 * as planning does), never to a name planned or written for another input. When no name can be
 * had, the true reason is given, not a system refusal.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkFiles } from "../../src/cli/batch/pool";
import { CopyRefused, planCopies, writeCopy } from "../../src/cli/output-target";
import { OUTPUT, TARGET } from "../../src/cli/strings";
import { docx, statutoryReport } from "../support/docx-builder";

const FOREIGN = "别人另存的文件";

/** in/甲.docx, in/甲-2.docx and in/乙.docx, and an empty copies folder. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), "nianbao-copy-race-"));
  const dir = join(root, "in");
  const out = join(root, "out");
  mkdirSync(dir);
  mkdirSync(out);
  const files = ["甲.docx", "乙.docx", "甲-2.docx"].map((name) => join(dir, name));
  for (const file of files) writeFileSync(file, docx(statutoryReport()));
  return { out, files };
}

describe("a copy whose name is taken during the run", () => {
  it("is written to the next free name, and the file at the name is kept", async () => {
    const { out, files } = setup();
    const plan = planCopies(files, out, new Set());
    expect(plan.paths).toEqual(
      ["甲.校核.docx", "乙.校核.docx", "甲-2.校核.docx"].map((n) => join(out, n)),
    );
    const taken = join(out, "甲.校核.docx");
    const outcomes = await checkFiles(files, {
      jobs: 1,
      annotateTo: plan.paths,
      writeCopy: (path, bytes) => {
        // Someone saves a document of their own under the first copy's name, mid-run.
        if (path === taken) writeFileSync(taken, FOREIGN);
        writeCopy(path, bytes, new Set());
      },
    });
    expect(readFileSync(taken, "utf8")).toBe(FOREIGN);
    // 甲-2.校核.docx is planned for 甲-2.docx: 甲's copy passes over it.
    expect(outcomes.map((o) => [o.annotated, o.annotateError ?? null])).toEqual([
      [join(out, "甲-3.校核.docx"), null],
      [join(out, "乙.校核.docx"), null],
      [join(out, "甲-2.校核.docx"), null],
    ]);
    expect(outcomes[0]?.copyKept).toEqual({ kept: taken, written: join(out, "甲-3.校核.docx") });
    expect(outcomes.slice(1).map((o) => o.copyKept)).toEqual([undefined, undefined]);
    expect(readdirSync(out).sort()).toEqual(
      ["乙.校核.docx", "甲-2.校核.docx", "甲-3.校核.docx", "甲.校核.docx"].sort(),
    );
    // Said in the words planning uses.
    expect(OUTPUT.copyKept(taken, join(out, "甲-3.校核.docx"))).toContain("未覆盖；批注副本另存为");
  });

  it("when no name can be had, says the name was taken, not that the system refused", async () => {
    const { out, files } = setup();
    const plan = planCopies(files.slice(0, 1), out, new Set());
    const outcomes = await checkFiles(files.slice(0, 1), {
      jobs: 1,
      annotateTo: plan.paths,
      writeCopy: () => {
        throw new CopyRefused(TARGET.copyRefused);
      },
    });
    expect(outcomes[0]?.annotated).toBeNull();
    expect(outcomes[0]?.annotateError?.code).toBe("annotate-refused");
    expect(outcomes[0]?.annotateError?.message).toContain(TARGET.copyRefused);
    expect(outcomes[0]?.annotateError?.message).not.toContain("系统拒绝");
    expect(readdirSync(out)).toEqual([]);
  });
});
