import { capture } from "../support/cli";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { csvField, formatCsv } from "../../src/cli/format-csv";
import { worstFirst } from "../../src/cli/format-html";
import { jsonReportSchema, type JsonReport } from "../../src/core";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";
import { writeReportFolder } from "../support/report-folder";

const BIN = resolve(__dirname, "../../bin/nianbao.js");
const work = mkdtempSync(join(tmpdir(), "nianbao-batch-"));

describe("a batch of 200 reports with injected faults", () => {
  const dir = join(work, "reports");
  const planted = writeReportFolder(dir, 200, 97);

  it("finds every injected fault, nothing else at error severity, and reports the damaged file", () => {
    const result = spawnSync(
      process.execPath,
      [BIN, "check", "--format", "json", "--jobs", "2", dir],
      { encoding: "utf8", maxBuffer: 256 << 20 },
    );
    // Errors were found: 1, although one file could not be read.
    expect(result.status).toBe(1);
    const report = jsonReportSchema.parse(JSON.parse(result.stdout));
    expect(report.files.map((f) => f.file)).toEqual(planted.map((p) => p.file));
    report.files.forEach((file, i) => {
      const want = planted[i];
      if (!want) throw new Error("missing plant");
      expect(file.unit).toBe(want.damaged ? null : want.unit);
      if (want.damaged) {
        expect(file.error?.code).toBe("damaged");
        return;
      }
      const errors = file.findings
        .filter((f) => f.severity === "error")
        .map((f) => `${f.rule} @ ${JSON.stringify(f.location)}`);
      expect(errors.sort()).toEqual([...want.errors].sort());
    });
  }, 120_000);

  it("writes the same findings as CSV and HTML", async () => {
    const csv = join(work, "r.csv");
    const html = join(work, "r.html");
    expect((await capture(["check", "-f", "csv", "-o", csv, "--jobs", "1", dir])).code).toBe(1);
    expect((await capture(["check", "-f", "html", "-o", html, "--jobs", "1", dir])).code).toBe(1);
    const expectedErrors = planted.reduce((n, p) => n + p.errors.length, 0);
    const rows = readFileSync(csv, "utf8").split("\r\n").filter(Boolean);
    expect(rows.filter((r) => r.includes(",错误,"))).toHaveLength(expectedErrors);
    const page = readFileSync(html, "utf8");
    expect(page).toContain(`<span id="total-error">${expectedErrors}</span>`);
    expect(page).toContain(`<span id="total-unreadable">1</span>`);
  }, 120_000);
});

describe("CSV for Excel and WPS 表格", () => {
  it("starts with a BOM, uses CRLF and quotes what needs quoting", () => {
    const csv = formatCsv([
      {
        file: 'a,"b".docx',
        status: "checked",
        format: "2021",
        year: 2024,
        unit: "某某镇",
        error: null,
        previous: null,
        findings: [
          {
            rule: "section-missing",
            severity: "error",
            message: "缺少“五”，\n请补上",
            location: { section: "五" },
            anchors: [],
            report: 0,
            section: "五" as const,
          },
        ],
      },
    ]);
    expect(
      csv.startsWith("\ufeff文件,单位,年度,状态,严重程度,部分,位置,问题说明,规则名称,规则编号\r\n"),
    ).toBe(true);
    expect(csv).toContain(
      '"a,""b"".docx",某某镇,2024,有错误,错误,五、存在的主要问题及改进情况,五、存在的主要问题及改进情况,"缺少“五”，\n请补上",缺少法定部分,section-missing\r\n',
    );
  });

  it("never lets a cell start a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("正常文本")).toBe("正常文本");
  });
});

describe("the HTML summary", () => {
  it("lists unreadable files first, then by errors and warnings", () => {
    const outcome = (file: string, errors: number, warnings: number, unreadable = false) => ({
      file,
      status: unreadable ? ("unreadable" as const) : ("checked" as const),
      format: "2021" as const,
      year: 2024,
      unit: null,
      previous: null,
      error: unreadable ? { code: "damaged", message: "坏", detail: "" } : null,
      findings: [
        ...Array.from({ length: errors }, () => ({
          rule: "table4-total" as const,
          severity: "error" as const,
          message: "m",
          location: {},
          anchors: [],
          report: 0,
          section: null,
        })),
        ...Array.from({ length: warnings }, () => ({
          rule: "cell-blank" as const,
          severity: "warning" as const,
          message: "m",
          location: {},
          anchors: [],
          report: 0,
          section: null,
        })),
      ],
    });
    const sorted = worstFirst([
      outcome("a", 0, 5),
      outcome("b", 2, 0),
      outcome("c", 0, 0, true),
      outcome("d", 2, 1),
    ]);
    expect(sorted.map((o) => o.file)).toEqual(["c", "d", "b", "a"]);
  });
});

describe("year over year with --previous", () => {
  const lastYear = join(work, "last");
  const thisYear = join(work, "this");
  const write = (path: string, options: Parameters<typeof statutoryReport>[0]) =>
    writeFileSync(path, docx(statutoryReport(options)));

  beforeAll(() => {
    for (const dir of [lastYear, thisYear]) spawnSync("mkdir", ["-p", dir]);
    const carried = {
      ...BALANCED_TABLE3,
      carryForward: [3, 0, 0, 0, 0, 0, 3],
      total: [15, 2, 0, 0, 0, 0, 17],
      carried: [0, 0, 0, 0, 0, 0, 0],
    };
    write(join(lastYear, "甲.docx"), {
      unit: "甲镇人民政府",
      year: 2023,
      table3: { ...carried, new: [18, 2, 0, 0, 0, 0, 20] },
      table2: { normativeDocs: [2, 0, 10] },
    });
    write(join(lastYear, "乙.docx"), {
      unit: "乙镇人民政府",
      year: 2023,
      table3: {
        ...carried,
        carryForward: [2, 0, 0, 0, 0, 0, 2],
        total: [16, 2, 0, 0, 0, 0, 18],
        new: [18, 2, 0, 0, 0, 0, 20],
      },
    });
    write(join(thisYear, "甲-2024.docx"), {
      unit: "甲镇人民政府",
      year: 2024,
      table2: { normativeDocs: [3, 1, 13] },
    });
    write(join(thisYear, "乙-2024.docx"), { unit: "乙镇", year: 2024 });
  });

  it("matches last year's reports by unit and checks carry-over and the in-force roll-forward", async () => {
    const { stdout } = await capture(["check", "-f", "json", "--previous", lastYear, thisYear]);
    const { files } = JSON.parse(stdout) as JsonReport;
    const byName = (name: string) =>
      files
        .find((f) => f.file.endsWith(name))
        ?.findings.filter(
          (f) => f.rule === "carryover-mismatch" || f.rule === "inforce-rollforward",
        );
    // 甲: 上年结转 2 ≠ last year's 3 (自然人 and 总计); 现行有效 13 ≠ 10 + 3 − 1 = 12.
    expect(byName("甲-2024.docx")?.map((f) => [f.rule, f.location])).toEqual([
      ["inforce-rollforward", { table: "table2", row: "normativeDocs", column: "inForce" }],
      ["carryover-mismatch", { table: "table3", row: "carried", column: "natural" }],
      ["carryover-mismatch", { table: "table3", row: "carried", column: "total" }],
    ]);
    // 乙 (written 乙镇 this year, 乙镇人民政府 last year) carries over exactly.
    expect(byName("乙-2024.docx")).toEqual([]);
  });

  it("takes a single file for a single report", async () => {
    const { stdout } = await capture([
      "check",
      "-f",
      "json",
      "--previous",
      join(lastYear, "甲.docx"),
      join(thisYear, "甲-2024.docx"),
    ]);
    expect(
      (JSON.parse(stdout) as JsonReport).files[0]?.findings.filter(
        (f) => f.rule === "carryover-mismatch",
      ),
    ).toHaveLength(2);
  });

  it("says so when last year's report cannot be found", async () => {
    const { code, stderr } = await capture([
      "check",
      "--previous",
      join(work, "nowhere"),
      thisYear,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("找不到上年度报告");
  });
});
