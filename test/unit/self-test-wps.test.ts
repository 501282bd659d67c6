/**
 * The self-test in WPS, against our fake of the WPS object model (with the members the probe
 * context adds, test/support/self-test-fakes.ts): every probe runs and reports, the active
 * document is as it was afterwards, a new document is used and closed unsaved when asked, and
 * a refused InsertXML is reported, never left half-done.
 */
import { probesFor } from "../../src/hosts/self-test/probes";
import { runProbe, runSelfTest } from "../../src/hosts/self-test/runner";
import { canOpenNewDocument, wpsProbeContext } from "../../src/hosts/self-test/wps-context";
import { selfTestTarget } from "../../src/hosts/self-test";
import type { ProbeResult } from "../../src/hosts/self-test/types";
import { docx, statutoryReport } from "../support/docx-builder";
import { fakeWps, WPS_USER, type FakeWpsOptions } from "../support/fake-wps";
import { selfTestWps, type SelfTestWpsOptions } from "../support/self-test-fakes";

function setUp(options: FakeWpsOptions = {}, extra: SelfTestWpsOptions = {}) {
  const fake = fakeWps(docx(statutoryReport()), options);
  fake.document.addPart('<mine xmlns="urn:someone:else">keep</mine>');
  const wps = selfTestWps(fake, extra);
  const state = () =>
    JSON.stringify([fake.document.blocks, fake.document.comments, fake.document.parts]);
  return { fake, wps, state };
}

const byId = (results: ProbeResult[]) => new Map(results.map((r) => [r.id, r]));

describe("the self-test in WPS", () => {
  it("runs every probe, reports what WPS did, and leaves the document as it was", async () => {
    const { fake, wps, state } = setUp();
    const before = state();
    const records = fake.undoRecords.length;
    const report = await runSelfTest(wpsProbeContext(wps.application, { userAgent: "Chrome/63" }));
    const results = byId(report.results);

    expect(report.info).toMatchObject({ host: "WPS 文字", version: "12.1.0 (fake) / fake" });
    expect(report.info.engine).toBe("Chrome/63");
    expect(report.info.apiSets).toContainEqual({ name: "Application.UndoRecord", supported: true });
    expect(report.info.apiSets).toContainEqual({ name: "Documents.Add", supported: false });
    expect([...results.keys()]).toEqual([
      "ooxml-merged",
      "cell-addressing",
      "tracked-row",
      "shading",
      "comment",
      "custom-xml:WPS CustomXMLParts",
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
      "custom-xml:WPS CustomXMLParts",
      "insert-template",
      "undo",
      "line-break",
    ])
      expect([id, status(id)]).toEqual([id, "passed"]);
    // The fake raises for a covered position, as VBA's Cell(r, c) does.
    expect(results.get("cell-addressing")?.observed).toContain("(1,0)=（拒绝寻址）");
    expect(results.get("cell-addressing")?.observed).toContain("续行单元格计入");
    expect(results.get("shading")?.observed).toContain("原始值 13551615");
    expect(results.get("shading")?.observed).toContain(
      "未设底纹的单元格读作 无（原始值 -16777216）",
    );
    expect(results.get("comment")?.observed).toContain(`默认作者“${WPS_USER}”`);
    expect(results.get("comment")?.observed).toContain("作者读作 “年报校核”");
    expect(status("tracked-row")).toBe("skipped");
    expect(report.results.every((r) => r.cleanup === undefined)).toBe(true);
    // Every insertion went into an undo record; the undo probe opened one more.
    expect(fake.undoRecords.length).toBeGreaterThan(records + 5);
    expect(fake.undoRecords.every((name) => name === "年报校核自检")).toBe(true);
    expect(state()).toBe(before);
  });

  it("keeps 修订 off while its scratch content exists, and turns it back on", async () => {
    const { fake, wps, state } = setUp();
    fake.trackRevisions = true;
    const before = state();
    const report = await runSelfTest(wpsProbeContext(wps.application, { userAgent: "" }));
    expect(report.results.filter((r) => r.status === "failed")).toEqual([]);
    expect(fake.trackRevisions).toBe(true);
    expect(state()).toBe(before);
  });

  it("runs in a new document, closed unsaved, when WPS can open one", async () => {
    const { wps, state } = setUp({}, { documents: true });
    expect(canOpenNewDocument(wps.application)).toBe(true);
    const before = state();
    const report = await runSelfTest(
      wpsProbeContext(wps.application, { userAgent: "", newDocument: true }),
    );
    expect(report.results.filter((r) => r.status === "failed")).toEqual([]);
    expect(wps.opened).toHaveLength(1);
    expect(wps.opened[0]?.closed).toBe(true);
    expect(state()).toBe(before);
  });

  it("reports a refused InsertXML on every probe that needs scratch content, and changes nothing", async () => {
    const { wps, state } = setUp({ noInsertXml: true });
    const before = state();
    const results = byId(
      (await runSelfTest(wpsProbeContext(wps.application, { userAgent: "" }))).results,
    );
    for (const id of ["ooxml-merged", "cell-addressing", "shading", "comment", "insert-template"])
      expect([id, results.get(id)?.status, results.get(id)?.observed]).toEqual([
        id,
        "failed",
        "出错：InsertXML 失败",
      ]);
    expect(results.get("custom-xml:WPS CustomXMLParts")?.status).toBe("passed");
    expect(state()).toBe(before);
  });

  it("tells the user what it could not remove", async () => {
    const { fake, wps } = setUp({}, { refuseDelete: true });
    const tables = fake.document.tables().length;
    const context = wpsProbeContext(wps.application, { userAgent: "" });
    const [first] = probesFor(context);
    const result = await runProbe(first!, context);
    expect(result.status).toBe("passed");
    expect(result.cleanup).toContain("表格数与运行前相差 1");
    expect(result.cleanup).toContain("删除时出错：文档受保护，无法删除");
    expect(fake.document.tables()).toHaveLength(tables + 1);
  });

  it("is found on a WPS page, before Word", () => {
    const { wps } = setUp();
    const target = selfTestTarget({ Application: wps.application, navigator: { userAgent: "x" } });
    expect(target?.host).toBe("wps");
    expect(target?.canUseNewDocument).toBe(false);
    expect(selfTestTarget({})).toBeNull();
  });
});
