/**
 * The self-test runner over a stub probe context: a probe that throws, hangs or is not
 * supported ends as a result, its scratch content is removed in every case (even one created
 * after the probe timed out), a failed removal is reported, and the results copy as Markdown.
 */
import { reportMarkdown } from "../../src/hosts/self-test/report-text";
import { runProbe, runSelfTest } from "../../src/hosts/self-test/runner";
import type { Probe } from "../../src/hosts/self-test/probes";
import { ProbeUnsupported, type ProbeContext, type Scratch } from "../../src/hosts/self-test/types";

/** A context whose scratch content is a counter: created +1, removed −1. */
function stubContext(options: { removeFails?: boolean; createAfter?: Promise<void> } = {}) {
  const state = { live: 0, created: 0, removed: 0, disposed: 0 };
  const scratch = (): Scratch => ({
    tablesAdded: 1,
    paragraphsAdded: 1,
    tableOoxml: async () => "",
    cellText: async () => null,
    setShading: async () => undefined,
    shading: async () => ({ color: null, raw: "" }),
    addComment: async () => "",
    comments: async () => [],
    removeComments: async () => 0,
    paragraphTexts: async () => [],
    remove: async () => {
      if (options.removeFails) throw new Error("文末多出 1 个表格");
      state.live--;
      state.removed++;
    },
  });
  const context: ProbeContext = {
    host: "word",
    info: async () => ({ host: "Word", version: "1", engine: "UA", apiSets: [] }),
    createScratch: async () => {
      await options.createAfter;
      state.live++;
      state.created++;
      return scratch();
    },
    xmlStores: [],
    undo: null,
    dispose: async () => void state.disposed++,
  };
  return { context, state };
}

const probe = (run: Probe["run"], scratch = true): Probe => ({
  id: "p",
  title: "检测项 | 带竖线",
  ...(scratch ? { scratch: () => "<pkg/>" } : {}),
  run,
});

describe("the self-test runner", () => {
  it("reports a probe that throws as failed with its message, and removes its scratch", async () => {
    const { context, state } = stubContext();
    const result = await runProbe(
      probe(async () => {
        throw new TypeError("x is undefined");
      }),
      context,
    );
    expect(result).toEqual({
      id: "p",
      title: "检测项 | 带竖线",
      status: "failed",
      observed: "出错：x is undefined",
    });
    expect(state).toMatchObject({ created: 1, removed: 1, live: 0 });
  });

  it("gives up on a probe that hangs, and removes its scratch", async () => {
    const { context, state } = stubContext();
    const result = await runProbe(
      probe(() => new Promise(() => undefined)),
      context,
      5,
    );
    expect(result.status).toBe("failed");
    expect(result.observed).toContain("超时");
    expect(state.live).toBe(0);
  });

  it("removes scratch content that arrives after the probe timed out", async () => {
    let release = () => {};
    const createAfter = new Promise<void>((resolve) => (release = resolve));
    const { context, state } = stubContext({ createAfter });
    const result = await runProbe(
      probe(async () => ({ status: "passed", observed: "" })),
      context,
      5,
    );
    expect(result.status).toBe("failed");
    expect(state.created).toBe(0);
    release();
    await createAfter;
    await new Promise((resolve) => setImmediate(resolve));
    expect(state).toMatchObject({ created: 1, removed: 1, live: 0 });
  });

  it("skips a probe the host cannot run", async () => {
    const { context } = stubContext();
    const result = await runProbe(
      probe(async () => {
        throw new ProbeUnsupported("需要 WordApi 1.4");
      }),
      context,
    );
    expect(result).toMatchObject({ status: "skipped", observed: "需要 WordApi 1.4" });
  });

  it("reports scratch content that could not be removed beside the probe's own result", async () => {
    const { context } = stubContext({ removeFails: true });
    const result = await runProbe(
      probe(async () => ({ status: "passed", observed: "一致" })),
      context,
    );
    expect(result).toMatchObject({
      status: "passed",
      observed: "一致",
      cleanup: "临时内容未能完全删除：文末多出 1 个表格",
    });
  });

  it("runs each probe once, tells each result as it comes, and disposes of the context", async () => {
    const { context, state } = stubContext();
    const seen: string[] = [];
    const report = await runSelfTest(context, {
      probes: [
        { ...probe(async () => ({ status: "passed", observed: "a" })), id: "one" },
        { ...probe(async () => ({ status: "failed", observed: "b" }), false), id: "two" },
      ],
      onResult: (r) => seen.push(r.id),
    });
    expect(seen).toEqual(["one", "two"]);
    expect(report.results.map((r) => r.status)).toEqual(["passed", "failed"]);
    expect(state).toMatchObject({ created: 1, removed: 1, disposed: 1 });
  });

  it("copies as a Markdown table: host particulars, then one row per probe", async () => {
    const { context } = stubContext({ removeFails: true });
    const report = await runSelfTest(context, {
      probes: [probe(async () => ({ status: "passed", observed: "第一行\n第二行" }))],
    });
    const text = reportMarkdown(report, new Date("2026-01-02T03:04:05Z"));
    const lines = text.split("\n");
    expect(lines[0]).toBe("### 年报校核 环境自检（2026-01-02T03:04:05.000Z）");
    expect(lines).toContain("| 宿主 | Word |");
    expect(lines).toContain("| 引擎 | UA |");
    expect(lines).toContain("| API 集 | 无 |");
    expect(lines).toContain(
      "| 检测项 \\| 带竖线 | 通过 | 第一行 第二行；**临时内容未能完全删除：文末多出 1 个表格** |",
    );
  });
});
