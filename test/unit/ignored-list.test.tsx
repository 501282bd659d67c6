/**
 * The ignored list rendered on the server (react-dom/server): in a 汇编 an ignore made at one
 * place names whose report it is in, since the same message can stand in several reports.
 */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  applyIgnores,
  check,
  ignoreHere,
  ignoreRule,
  readDocument,
  type CheckResult,
  type Ignore,
} from "../../src/core";
import { IgnoredList } from "../../src/taskpane/IgnoredList";
import { bodyOf } from "../support/body-of";
import { docx, documentXml, FAULTY_TABLE4, statutoryReport } from "../support/docx-builder";

function listed(result: CheckResult, ignores: Ignore[]): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <IgnoredList
        ignores={applyIgnores(result.findings, ignores, result.reports)}
        reports={result.reports}
        disabled={false}
        onRestore={() => undefined}
      />
    </FluentProvider>,
  ).replace(/<!-- -->/g, "");
}

const TOWN = statutoryReport({ unit: "某某镇人民政府", table4: FAULTY_TABLE4 });
const STREET = statutoryReport({ unit: "某某街道办事处", year: 2024, table4: FAULTY_TABLE4 });

describe("the ignored list", () => {
  it("names the report of an ignore made in a 汇编, and only that one", () => {
    const result = check(readDocument(docx(documentXml(bodyOf(TOWN) + bodyOf(STREET)))));
    expect(result.reports).toHaveLength(2);
    const inStreet = result.findings.find((f) => f.rule === "table4-total" && f.report === 1);
    expect(inStreet).toBeDefined();
    const html = listed(result, [ignoreHere(inStreet!, result.reports)]);
    expect(html).toContain("已忽略 1 项");
    expect(html).toContain("某某街道办事处");
    expect(html).not.toContain("某某镇人民政府");
    expect(html).toContain(inStreet!.message);
  });

  it("adds no report line in a document of one report, nor for a rule ignored everywhere", () => {
    const single = check(readDocument(docx(documentXml(bodyOf(TOWN)))));
    const finding = single.findings.find((f) => f.rule === "table4-total");
    expect(finding).toBeDefined();
    expect(listed(single, [ignoreHere(finding!, single.reports)])).not.toContain("某某镇人民政府");

    const both = check(readDocument(docx(documentXml(bodyOf(TOWN) + bodyOf(STREET)))));
    const html = listed(both, [ignoreRule("table4-total")]);
    expect(html).toMatch(/此类问题均不提示/);
    expect(html).not.toContain("某某街道办事处");
    expect(html).not.toContain("某某镇人民政府");
  });
});
