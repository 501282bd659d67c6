/**
 * The findings list rendered on the server (react-dom/server): shading is never the only way to
 * tell which cell a finding is about, so a finding located at a cell names it, and one about several
 * cells lists each.
 */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FindingList } from "../../src/taskpane/FindingList";
import { groupFindings } from "../../src/taskpane/groups";
import type { CheckResult } from "../../src/core";
import { checkReport } from "../support/check-helpers";
import { BALANCED_TABLE3 } from "../support/docx-builder";

function listed(result: CheckResult): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <FindingList
        result={result}
        groups={groupFindings(result, result.findings)}
        current={null}
        disabled={false}
        onJump={() => undefined}
        onIgnore={() => undefined}
        onInsertPart={() => undefined}
      />
    </FluentProvider>,
  ).replace(/<!-- -->/g, "");
}

describe("the findings list names the cells it marks", () => {
  it("a sum that does not balance names the total's cell", () => {
    const result = checkReport({
      table3: { ...BALANCED_TABLE3, granted: [8, 0, 0, 0, 0, 0, 9] },
    });
    const total = result.findings.find((f) => f.rule === "table3-row-total");
    expect(total?.anchors[0]?.kind).toBe("cell");
    expect(listed(result)).toMatch(/单元格：表三 （一）予以公开 · 总计/);
  });

  it("a finding about several cells lists each and adds no single-cell line", () => {
    const result = checkReport({ table2: { rules: ["", "", ""] } });
    const blank = result.findings.find((f) => (f.cells?.length ?? 0) > 1);
    expect(blank).toBeDefined();
    const html = listed(result);
    expect(html).toContain("涉及的单元格：");
    const items = html.split("<li").filter((item) => item.includes("涉及的单元格："));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).not.toMatch(/>单元格：/);
  });

  it("a finding about a section names no cell", () => {
    const result = checkReport({ omitSections: ["五"] });
    const html = listed(result);
    const item = html.split("<li").find((i) => i.includes("缺少“五、"));
    expect(item).toBeDefined();
    expect(item).not.toMatch(/>单元格：/);
  });
});
