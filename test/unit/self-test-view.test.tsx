/**
 * The self-test view rendered on the server (react-dom/server): what it says before a run, on
 * each host, and the result table; and the pane's link to it, shown in Word and WPS only.
 */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { SelfTest, SelfTestResults } from "../../src/taskpane/SelfTest";
import { Pane } from "../../src/taskpane/Pane";
import { SELF_TEST_STRINGS as S } from "../../src/taskpane/self-test-strings";
import type { SelfTestTarget } from "../../src/hosts/self-test";
import type { DocumentHost, HostName } from "../../src/hosts/host";

const html = (element: ReactElement) =>
  renderToString(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>)
    .replace(/<!-- -->/g, "")
    .replace(/&quot;/g, '"');

const target = (host: "word" | "wps", canUseNewDocument: boolean): SelfTestTarget => ({
  host,
  canUseNewDocument,
  context: () => {
    throw new Error("not run here");
  },
});

const host = (name: HostName): DocumentHost =>
  ({
    name,
    capabilities: { comments: true, documentStorage: true },
  }) as DocumentHost;

describe("the self-test view", () => {
  it("says it edits the document temporarily, and offers a new document only where the host can", () => {
    const wps = html(<SelfTest target={target("wps", true)} onClose={() => {}} />);
    expect(wps).toContain(S.edits);
    expect(wps).toContain(S.newDocumentNote);
    expect(wps).toContain(`>${S.run}<`);
    expect(wps).toContain(`>${S.runNewDocument}<`);
    expect(wps).not.toContain(S.wordBlank);

    const word = html(<SelfTest target={target("word", false)} onClose={() => {}} />);
    expect(word).toContain(S.edits);
    expect(word).toContain(S.wordBlank);
    expect(word).not.toContain(S.runNewDocument);
    // Nothing is copied before a run.
    expect(word).not.toContain(`>${S.copy}<`);
  });

  it("says so when there is no host to probe", () => {
    const page = html(<SelfTest target={null} onClose={() => {}} />);
    expect(page).toContain(S.unavailable);
    expect(page).not.toContain(`>${S.run}<`);
  });

  it("shows the host's particulars and one row per probe with its status and observed value", () => {
    const page = html(
      <SelfTestResults
        info={{
          host: "Word（PC）",
          version: "16.0.17928",
          engine: "Mozilla/5.0 Edg/120",
          apiSets: [
            { name: "WordApi 1.3", supported: true },
            { name: "WordApi 1.4", supported: false },
          ],
        }}
        results={[
          { id: "a", title: "寻址", status: "passed", observed: "续行单元格计入" },
          { id: "b", title: "批注", status: "skipped", observed: "需要 WordApi 1.4" },
          {
            id: "c",
            title: "底纹",
            status: "failed",
            observed: "读回 无",
            cleanup: "临时内容未能完全删除",
          },
        ]}
      />,
    );
    expect(page).toContain("16.0.17928");
    expect(page).toContain("Mozilla/5.0 Edg/120");
    expect(page).toContain("WordApi 1.3 ✓，WordApi 1.4 ✗");
    const rows = [...page.matchAll(/<tr data-probe="(\w)" data-status="(\w+)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ["a", "passed"],
      ["b", "skipped"],
      ["c", "failed"],
    ]);
    expect(rows[0]?.[3]).toContain("续行单元格计入");
    expect(rows[1]?.[3]).toContain("跳过");
    expect(rows[2]?.[3]).toContain("未通过");
    expect(rows[2]?.[3]).toContain("<strong> 临时内容未能完全删除</strong>");
  });

  it("is reached from the pane in Word and WPS, not in the demo", () => {
    expect(html(<Pane host={host("word")} />)).toContain(`>${S.open}<`);
    expect(html(<Pane host={host("wps")} />)).toContain(`>${S.open}<`);
    expect(html(<Pane host={host("demo")} />)).not.toContain(`>${S.open}<`);
  });
});
