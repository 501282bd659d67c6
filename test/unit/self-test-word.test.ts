/**
 * The self-test in Word, against our fake of Office.js (with the members the probe context
 * adds, test/support/self-test-fakes.ts): every probe runs and reports, the document is as it
 * was afterwards, and the addressing probe tells the two plausible semantics apart.
 */
import { wordProbeContext } from "../../src/hosts/self-test/word-context";
import { runSelfTest, runProbe } from "../../src/hosts/self-test/runner";
import { MERGED, mergedTablePackage } from "../../src/hosts/self-test/scratch-content";
import type { ProbeResult } from "../../src/hosts/self-test/types";
import { docx, statutoryReport } from "../support/docx-builder";
import { fakeWord, WORD_USER } from "../support/fake-word";
import { selfTestWord, type SelfTestWordOptions } from "../support/self-test-fakes";

function setUp(api: "1.3" | "1.4" = "1.4", options: SelfTestWordOptions = {}) {
  const fake = fakeWord(docx(statutoryReport()), { api });
  fake.document.addPart('<mine xmlns="urn:someone:else">keep</mine>');
  const { run, office } = selfTestWord(fake, options);
  const context = wordProbeContext({ run, office, userAgent: "Mozilla/5.0 (test) Edg/120" });
  const state = () =>
    JSON.stringify([fake.document.blocks, fake.document.comments, fake.document.parts]);
  return { fake, context, state };
}

const byId = (results: ProbeResult[]) => new Map(results.map((r) => [r.id, r]));

describe("the self-test in Word", () => {
  it("runs every probe, reports what Word did, and leaves the document as it was", async () => {
    const { fake, context, state } = setUp();
    const before = state();
    const report = await runSelfTest(context);
    const results = byId(report.results);

    expect(report.info.host).toBe("Word（PC）");
    expect(report.info.version).toBe("16.0 (fake)");
    expect(report.info.engine).toContain("Edg/120");
    expect(report.info.apiSets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        "WordApi 1.1",
        "WordApi 1.8",
        "WordApiDesktop 1.1",
        "CustomXmlParts 1.1",
      ]),
    );
    expect([...results.keys()]).toEqual([
      "ooxml-merged",
      "cell-addressing",
      "tracked-row",
      "shading",
      "comment",
      "custom-xml:WordApi 1.4",
      "custom-xml:通用 API CustomXmlParts",
      "insert-template",
      "undo",
      "line-break",
    ]);
    const status = (id: string) => results.get(id)?.status;
    for (const id of [
      "ooxml-merged",
      "cell-addressing",
      "shading",
      "comment",
      "insert-template",
      "line-break",
    ])
      expect([id, status(id)]).toEqual([id, "passed"]);
    expect(results.get("cell-addressing")?.observed).toContain("续行单元格计入");
    expect(results.get("cell-addressing")?.observed).toContain(`(1,1)=“${MERGED.texts.b2}”`);
    expect(results.get("shading")?.observed).toContain("读回 #FFC7CE");
    expect(results.get("comment")?.observed).toContain(`作者读作 “${WORD_USER}”`);
    // Both stores reach the same parts: a part written by one is read by the other.
    expect(status("custom-xml:WordApi 1.4")).toBe("passed");
    expect(results.get("custom-xml:WordApi 1.4")?.observed).toContain(
      "经 通用 API CustomXmlParts 也能读到",
    );
    expect(status("custom-xml:通用 API CustomXmlParts")).toBe("passed");
    // The fake cannot track revisions, and Word has no undo grouping.
    expect(status("tracked-row")).toBe("skipped");
    expect(status("undo")).toBe("skipped");
    // Our fake returns the reader's "\n" for a manual line break; Word is expected to give U+000B.
    expect(results.get("line-break")?.observed).toContain("U+000A");
    expect(report.results.every((r) => r.cleanup === undefined)).toBe(true);
    expect(state()).toBe(before);
    expect(fake.document.partsIn("urn:someone:else")).toHaveLength(1);
  });

  it("tells the other addressing (continuation cells not counted) from ours", async () => {
    const { context, state } = setUp("1.4", { addressing: "visible" });
    const before = state();
    const report = await runSelfTest(context);
    const addressing = byId(report.results).get("cell-addressing");
    expect(addressing?.status).toBe("failed");
    expect(addressing?.observed).toContain("续行单元格不计入");
    expect(addressing?.observed).toContain(`(1,0)=“${MERGED.texts.b2}”`);
    expect(state()).toBe(before);
  });

  it("skips what WordApi 1.3 lacks and keeps the Common API's custom XML parts", async () => {
    const { context, state } = setUp("1.3");
    const before = state();
    const results = byId((await runSelfTest(context)).results);
    expect(results.get("comment")?.status).toBe("skipped");
    expect(results.get("comment")?.observed).toContain("WordApi 1.4");
    expect(results.has("custom-xml:WordApi 1.4")).toBe(false);
    expect(results.get("custom-xml:通用 API CustomXmlParts")?.status).toBe("passed");
    expect(results.get("ooxml-merged")?.status).toBe("passed");
    expect(state()).toBe(before);
  });

  it("keeps 修订 off while its scratch content exists, and turns it back on", async () => {
    const { fake, context, state } = setUp();
    fake.setTrackingMode("TrackAll");
    const before = state();
    const report = await runSelfTest(context);
    expect(report.results.every((r) => r.cleanup === undefined)).toBe(true);
    expect(fake.trackingHistory.length).toBeGreaterThan(0);
    expect(fake.trackingHistory.at(-1)).toBe("TrackAll");
    // Every scratch insertion came with tracking off, each removal turned it back on.
    expect(fake.trackingHistory.filter((m) => m === "Off").length).toBe(
      fake.trackingHistory.filter((m) => m === "TrackAll").length,
    );
    expect(state()).toBe(before);
  });

  it("reports a probe that throws as failed, with its message, and still removes its scratch", async () => {
    const { fake, context, state } = setUp();
    const before = state();
    let tablesDuring = 0;
    const result = await runProbe(
      {
        id: "boom",
        title: "会出错的检测",
        scratch: mergedTablePackage,
        async run() {
          tablesDuring = fake.document.tables().length;
          throw new Error("Word 拒绝了此操作");
        },
      },
      context,
    );
    expect(tablesDuring).toBe(
      (JSON.parse(before) as [{ kind: string }[]])[0].filter((b) => b.kind === "table").length + 1,
    );
    expect(result).toEqual({
      id: "boom",
      title: "会出错的检测",
      status: "failed",
      observed: "出错：Word 拒绝了此操作",
    });
    expect(state()).toBe(before);
  });
});
