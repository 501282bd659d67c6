/**
 * Where WPS keeps the ledger and the ignores, and what happens when it cannot: several parts
 * left by a failed delete, a delete failing after the new part is in, a build without
 * CustomXMLParts, TrackRevisions as COM's -1, a paragraph without a style, and a write that
 * changes nothing but 修订.
 */
import {
  check,
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  ledgerFromXml,
  ledgerToXml,
  ignoresToXml,
  planMarking,
  type Ignore,
} from "../../../src/core";
import { checkDocument, clearMarks, insertTemplate, markOptions } from "../../../src/hosts/actions";
import { HostError } from "../../../src/hosts/host";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { fakeWps, type FakeWpsOptions } from "../../support/fake-wps";
import { documentState } from "../../support/host-contract";
import { allowConsole } from "../../support/console";
import { faulty, markedCells } from "../../support/wps-write-cases";

// WPS refusing a call is said in the console; these tests provoke it on purpose.
beforeEach(() => allowConsole("warn", /^nianbao: /));
afterEach(() => jest.restoreAllMocks());

async function planFor(host: WpsHost, reviewer: boolean) {
  const state = await host.read();
  return planMarking(
    state.snapshot,
    state.ledger,
    check(state.snapshot).findings,
    markOptions(host, { shading: true, reviewer }),
  );
}

const RULE_A: Ignore = { scope: "rule", rule: "section-order" };
const RULE_B: Ignore = { scope: "rule", rule: "section-title" };

describe("WPS reads every part in our namespaces", () => {
  it.each(["last", "first"])(
    "merges two ledger parts whichever comes %s: marks from the stale part are cleared too",
    async (smallerAt) => {
      const wps = fakeWps(faulty());
      const host = new WpsHost(wps.application);
      await checkDocument(host, { shading: true, reviewer: false });
      const [full] = wps.document.partsIn(LEDGER_NAMESPACE);
      const ledger = ledgerFromXml(full?.xml ?? "");
      if (!full || !ledger || ledger.cells.length < 2) throw new Error("too few marks");
      const smaller = ledgerToXml({ cells: ledger.cells.slice(0, 1), comments: [] });
      if (smallerAt === "first") {
        wps.document.removePart(full.id);
        wps.document.addPart(smaller);
        wps.document.addPart(full.xml);
      } else wps.document.addPart(smaller);

      const state = await new WpsHost(wps.application).read();
      expect(state.ledger.cells).toHaveLength(ledger.cells.length);
      await clearMarks(new WpsHost(wps.application));
      expect(markedCells(wps.document)).toEqual([]);
      expect(wps.document.partsIn(LEDGER_NAMESPACE)).toHaveLength(1);
    },
  );

  it.each(["last", "first"])(
    "holds only the ignores every part agrees on, whichever comes %s",
    async (largerAt) => {
      const wps = fakeWps(faulty());
      const parts = [ignoresToXml([RULE_A]), ignoresToXml([RULE_A, RULE_B])];
      for (const xml of largerAt === "last" ? parts : parts.reverse()) wps.document.addPart(xml);
      const state = await new WpsHost(wps.application).read();
      expect(state.ignores).toEqual([RULE_A]);
    },
  );

  it("keeps the saved ignores for the session when the old part cannot be deleted", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    await host.saveIgnores([RULE_A]);
    wps.failures.customXmlDelete = true;
    await host.saveIgnores([RULE_A, RULE_B]);
    expect(wps.document.partsIn(IGNORES_NAMESPACE)).toHaveLength(2);
    expect((await host.read()).ignores).toEqual([RULE_A, RULE_B]);
    // Reopened: which part is newer is unknown, so only what both say holds.
    expect((await new WpsHost(wps.application).read()).ignores).toEqual([RULE_A]);
    wps.failures.customXmlDelete = false;
    await host.saveIgnores([RULE_B]);
    expect(wps.document.partsIn(IGNORES_NAMESPACE)).toHaveLength(1);
    expect((await new WpsHost(wps.application).read()).ignores).toEqual([RULE_B]);
  });
});

describe("WPS never rejects a write that changed the document", () => {
  it("a failed delete of the old ledger: the new one is stored, the outcome warns, no rejection", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    await checkDocument(host, { shading: true, reviewer: false });
    const plan = await planFor(host, true);
    expect(plan.addComments.length).toBeGreaterThan(0);
    wps.failures.shading = true;
    wps.failures.commentsAdd = true;
    wps.failures.customXmlDelete = true;
    const outcome = await host.write(plan);
    expect(outcome.ledgerStored).toBe(true);
    expect(outcome.failure).toMatch(/旧的标记记录未能从文档中删除/);
    expect(outcome.failure).not.toMatch(/未能在文档中保存标记记录/);
    expect(wps.document.partsIn(LEDGER_NAMESPACE)).toHaveLength(2);
    // Both parts are read: clearing takes every mark away and leaves one part.
    wps.failures.shading = false;
    wps.failures.customXmlDelete = false;
    await clearMarks(new WpsHost(wps.application));
    expect(markedCells(wps.document)).toEqual([]);
    expect(wps.document.partsIn(LEDGER_NAMESPACE)).toHaveLength(1);
  });

  it("rejecting with 修订 left off says so, and does not claim nothing changed", async () => {
    const wps = fakeWps(faulty());
    wps.trackRevisions = true;
    const host = new WpsHost(wps.application);
    const plan = await planFor(host, true);
    const before = documentState(wps.document);
    wps.failures.shading = true;
    wps.failures.commentsAdd = true;
    wps.failures.customXmlAdd = true;
    wps.failures.trackRevisionsOn = true;
    const error = await host.write(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    const message = (error as HostError).userMessage;
    expect(message).toMatch(/修订未能恢复为开启/);
    expect(message).toMatch(/“审阅”选项卡中重新打开“修订”/);
    expect(message).not.toMatch(/没有改动/);
    expect(documentState(wps.document)).toEqual(before);
    expect(wps.trackRevisions).toBe(false);
  });
});

describe("WPS feature-detects what it calls", () => {
  it.each<FakeWpsOptions["customXmlParts"]>(["absent", "no-select"])(
    "CustomXMLParts %s: no document storage, the ledger and ignores kept for the session",
    async (customXmlParts) => {
      const wps = fakeWps(faulty(), { customXmlParts });
      const host = new WpsHost(wps.application);
      expect(host.capabilities.documentStorage).toBe(false);
      const outcome = await checkDocument(host, { shading: true, reviewer: true });
      expect(outcome.marks.failure).toBeUndefined();
      expect(outcome.marks.shaded).toBeGreaterThan(0);
      expect(markedCells(wps.document).length).toBe(outcome.marks.shaded);
      expect((await host.read()).ledger.cells).toHaveLength(outcome.marks.shaded);
      await host.saveIgnores([RULE_A]);
      expect((await host.read()).ignores).toEqual([RULE_A]);
      await clearMarks(host);
      expect(markedCells(wps.document)).toEqual([]);
      expect(wps.document.comments).toEqual([]);
    },
  );

  it("with CustomXMLParts, document storage is on", () => {
    expect(new WpsHost(fakeWps(faulty()).application).capabilities.documentStorage).toBe(true);
  });

  it("TrackRevisions as COM's -1: 修订 is paused for every change and restored as -1", async () => {
    const wps = fakeWps(faulty(), { trackRevisionsNumeric: true });
    wps.trackRevisions = true;
    const host = new WpsHost(wps.application);
    const outcome = await checkDocument(host, { shading: true, reviewer: true });
    expect(outcome.marks.failure).toBeUndefined();
    expect(outcome.marks.shaded).toBeGreaterThan(0);
    await host.saveIgnores([RULE_A]);
    await clearMarks(host);
    await insertTemplate(host, { format: "2021", year: 2024 });
    expect(wps.trackedChanges()).toBe(0);
    expect(wps.trackRevisions).toBe(true);
    expect(wps.application.ActiveDocument?.TrackRevisions).toBe(-1);
  });

  it("a paragraph whose Style is null is read by its outline level, like the rest", async () => {
    const reference = await new WpsHost(
      fakeWps(faulty(), { noDocumentXml: true }).application,
    ).read();
    const state = await new WpsHost(
      fakeWps(faulty(), { noDocumentXml: true, styleNull: true }).application,
    ).read();
    const headings = (s: typeof state) =>
      s.snapshot.blocks.flatMap((b) =>
        b.kind === "paragraph" && b.headingLevel ? [`${b.headingLevel} ${b.text}`] : [],
      );
    expect(headings(state).length).toBeGreaterThan(0);
    expect(headings(state)).toEqual(headings(reference));
    expect(check(state.snapshot).findings.map((f) => f.rule)).toEqual(
      check(reference.snapshot).findings.map((f) => f.rule),
    );
  });
});
