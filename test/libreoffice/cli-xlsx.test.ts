/**
 * --format xlsx, the 整改台账: every cell of both sheets read back by an independent reader
 * (test/support/xlsx-reader.ts), the review columns empty without a baseline and filled from
 * the JSON report's review fields, the package against the ECMA-376 schemas (the shared
 * validator for the package, sml.xsd for the SpreadsheetML parts, which the shared validator
 * does not know), LibreOffice's CSV of each sheet, and where the workbook may be written.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Finding, JsonReport } from "../../src/core";
import type { FileOutcome } from "../../src/cli/check-file";
import { buildJsonReport } from "../../src/cli/format-json";
import { formatXlsx } from "../../src/cli/format-xlsx";
import { RULE_NAMES, SEVERITY_WORD } from "../../src/cli/report-strings";
import { CHECK, TARGET } from "../../src/cli/strings";
import { columnLetters, columnWidth, MAX_CELL_TEXT } from "../../src/cli/xlsx/workbook";
import { capture } from "../support/cli";
import { commandAvailable, convertWithLibreOffice } from "../support/libreoffice";
import { skipNotice } from "../support/notes";
import { compilation, finding, unreadable } from "../support/outcomes";
import { validate, validatorUnavailable } from "../support/ooxml-validator";
import { SHARED, sharedAvailable } from "../support/shared";
import { readXlsx, type ReadCell } from "../support/xlsx-reader";

// Whole runs of the command over the fixtures, on a shared machine.
jest.setTimeout(300_000);

const single: FileOutcome = {
  file: "单份.docx",
  status: "checked",
  format: "2019",
  year: 2020,
  unit: "丁县人民政府",
  error: null,
  previous: null,
  findings: [],
};

const created = new Date("2026-03-01T08:00:00Z");
const outcomes = [compilation, single, unreadable];

const SUMMARY_HEADER = ["单位", "文件", "年度", "格式", "检查结果", "错误", "警告", "提示"];
const FINDINGS_HEADER = ["单位", "文件", "部分", "严重程度", "问题类型", "问题说明", "位置"];

describe("the 整改台账 workbook", () => {
  const { sheets, parts } = readXlsx(formatXlsx(outcomes, [], { created }));
  const [summary, findings] = sheets;

  it("has a summary sheet with a row per report, every cell as expected", () => {
    expect(summary?.name).toBe("汇总");
    expect(summary?.rows).toEqual([
      [...SUMMARY_HEADER, "与上一轮相比", "与上年重复率", "说明"],
      ["甲镇人民政府", "汇编.docx", 2024, "2021 年新格式", "有错误", 1, 1, 0, null, null, null],
      ["乙镇人民政府", "汇编.docx", 2024, "2021 年新格式", "通过", 0, 0, 0, null, null, null],
      ["丙镇人民政府", "汇编.docx", 2024, "2021 年新格式", "有警告", 0, 1, 0, null, null, null],
      ["丁县人民政府", "单份.docx", 2020, "2019 年试行格式", "通过", 0, 0, 0, null, null, null],
      [null, "坏.docx", null, null, "无法读取", null, null, null, null, null, "文件已损坏"],
    ]);
  });

  it("has a findings sheet with an empty status and 整改情况 column, every cell as expected", () => {
    expect(findings?.name).toBe("整改台账");
    expect(findings?.rows).toEqual([
      [...FINDINGS_HEADER, "整改状态", "整改情况"],
      [
        "甲镇人民政府",
        "汇编.docx",
        "一、总体情况",
        "警告",
        "正文数字与表格不符",
        "正文说收到申请 12 件，表三为 11 件",
        "第 8 段",
        null,
        null,
      ],
      [
        "甲镇人民政府",
        "汇编.docx",
        "四、政府信息公开行政复议、行政诉讼情况",
        "错误",
        "表四复议诉讼合计不符",
        "行政复议：… = 63，但总计为 62，相差 1",
        "表四 · 行政复议 · 总计",
        null,
        null,
      ],
      [
        "丙镇人民政府",
        "汇编.docx",
        "二、主动公开政府信息情况",
        "警告",
        "单元格未填写",
        "表二有 3 个单元格未填写",
        "表二",
        null,
        null,
      ],
    ]);
  });

  it("freezes the header row and filters over the whole table on both sheets", () => {
    for (const sheet of sheets) {
      expect(sheet.frozen).toEqual({ ySplit: 1, topLeftCell: "A2", state: "frozen" });
      const width = sheet.rows[0]!.length;
      expect(sheet.autoFilter).toBe(`A1:${columnLetters(width - 1)}${sheet.rows.length}`);
    }
    // Bold header style, text cells wrapped, numbers as numbers.
    expect(new Set(summary?.styles[0])).toEqual(new Set([1]));
    expect(summary?.styles[1]?.[5]).toBe(3);
  });

  it("sizes columns for Chinese text: a Chinese character counts double", () => {
    // 单位: 丙镇人民政府 is 6 characters, 12 columns wide, plus a margin of 2.
    expect(summary?.widths[0]).toBe(14);
    // 部分: the longest section title (19 characters, 2 of them ASCII-width).
    expect(findings?.widths[2]).toBe("四、政府信息公开行政复议、行政诉讼情况".length * 2 + 2);
    // 问题说明 is capped: long messages wrap.
    expect(columnWidth({ header: "问题说明", maxWidth: 60 }, ["很".repeat(80)])).toBe(60);
    expect(columnWidth({ header: "a" }, [null, 7])).toBe(6);
    expect(findings?.widths).toHaveLength(9);
  });

  it("is a plain package: workbook, two sheets, styles, shared strings, properties", () => {
    expect(parts).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/app.xml",
      "docProps/core.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
  });
});

describe("the review columns", () => {
  /** What a resubmission check adds to the JSON report: statuses, fixed findings, similarity. */
  function reviewed(): JsonReport {
    const report = buildJsonReport(outcomes);
    const files = report.files as (JsonReport["files"][number] & Record<string, unknown>)[];
    const [first, second] = files;
    const statuses = ["open", "new", "open"] as const;
    first!.findings = first!.findings.map((f, i) => ({ ...f, status: statuses[i] }));
    first!.fixed = [
      {
        rule: "table3-balance",
        severity: "error",
        message: "表三：一 + 二 ≠ 总计 + 四",
        location: { table: "table3" },
      },
    ];
    first!.similarity = 0.625;
    second!.fixed = [];
    second!.similarity = 0.1;
    return report;
  }
  const { sheets } = readXlsx(formatXlsx(outcomes, [], { created, report: reviewed() }));
  const [summary, findings] = sheets;

  it("say per report what was fixed, what is still open and what is new", () => {
    expect(summary?.rows.map((r) => [r[0], r[8], r[9]])).toEqual([
      ["单位", "与上一轮相比", "与上年重复率"],
      ["甲镇人民政府", "已整改 1，未整改 1，新增 1", 0.625],
      ["乙镇人民政府", "已整改 0，未整改 0，新增 0", null],
      ["丙镇人民政府", "已整改 0，未整改 1，新增 0", null],
      ["丁县人民政府", "已整改 0，未整改 0，新增 0", 0.1],
      [null, null, null],
    ]);
    // The share is a number shown as a percentage.
    expect(summary?.styles[1]?.[9]).toBe(4);
  });

  it("give each finding its status, and list the fixed ones as 已整改", () => {
    expect(findings?.rows.map((r) => [r[0], r[4], r[6], r[7], r[8]])).toEqual([
      ["单位", "问题类型", "位置", "整改状态", "整改情况"],
      ["甲镇人民政府", "正文数字与表格不符", "第 8 段", "未整改", null],
      ["甲镇人民政府", "表四复议诉讼合计不符", "表四 · 行政复议 · 总计", "新增", null],
      ["丙镇人民政府", "单元格未填写", "表二", "未整改", null],
      ["甲镇人民政府", "表三收结数量不平衡", "表三", "已整改", null],
    ]);
    expect(findings?.rows[4]?.[2]).toBe("三、收到和处理政府信息公开申请情况");
  });
});

describe("text a spreadsheet must not take as it is", () => {
  it("shows control characters escaped, drops what XML forbids and cuts at Excel's limit", () => {
    const hostile: FileOutcome = {
      ...single,
      unit: "乙\u001b[31m镇\u202e",
      findings: [
        finding({ message: `=1+1 ${"长".repeat(MAX_CELL_TEXT)}`, section: "四" }),
        finding({ message: "\ud800孤", section: "四" }),
      ],
    };
    const [summary, findings] = readXlsx(formatXlsx([hostile], [], { created })).sheets;
    expect(summary?.rows[1]?.[0]).toBe("乙\\x1b[31m镇\\u202e");
    const long = findings?.rows[1]?.[5] as string;
    expect(long).toHaveLength(MAX_CELL_TEXT);
    // A text cell, never a formula.
    expect(long.startsWith("=1+1 长")).toBe(true);
    expect(findings?.rows[2]?.[5]).toBe("孤");
  });
});

const validatorProblem = validatorUnavailable();
if (validatorProblem) skipNotice(`the xlsx schema checks: ${validatorProblem}`);

/** The shared validator knows WordprocessingML only: these two lines are its, not ours. */
const WORD_ONLY = [
  "_rels/.rels: Relationship rId1 (officeDocument): target /xl/workbook.xml has content type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "xl/_rels/workbook.xml.rels: Relationship rId3 (styles): target /xl/styles.xml has content type application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
];

(validatorProblem ? describe.skip : describe)("the package against ECMA-376", () => {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-xlsx-valid-"));
  const path = join(dir, "台账.xlsx");
  writeFileSync(path, formatXlsx(outcomes, [], { created }));

  it("passes the shared validator (package, relationships, properties)", () => {
    // The relationship types our workbook uses are right for SpreadsheetML (ECMA-376 Part 1,
    // 12.3.23 and 12.3.20); the validator expects the Word types for any package.
    expect(validate([path]).get(path)).toEqual(WORD_ONLY);
  });

  it("has SpreadsheetML parts that sml.xsd validates", () => {
    const schemas = join(SHARED, "tools/ooxml/schemas");
    const driver = join(dir, "sml-driver.xsd");
    writeFileSync(
      driver,
      `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="${schemas}/w3c-dc/xml.xsd"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/spreadsheetml/2006/main" schemaLocation="${schemas}/ecma-transitional/sml.xsd"/>
</xsd:schema>`,
    );
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const sml = Object.keys(files).filter(
      (name) => name.startsWith("xl/") && name.endsWith(".xml"),
    );
    expect(sml).toHaveLength(5);
    const extracted = sml.map((name, i) => {
      const file = join(dir, `part-${i}.xml`);
      writeFileSync(file, files[name]!);
      return file;
    });
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", driver, ...extracted], {
      encoding: "utf8",
    });
    expect(run.stderr.split("\n").filter((line) => line && !line.endsWith(" validates"))).toEqual(
      [],
    );
    expect(run.status).toBe(0);
  });
});

/** LibreOffice's CSV of a sheet: fields quoted only when they must be, as RFC 4180. */
function csvOf(rows: ReadCell[][], percent: number[] = []): string {
  return rows
    .map((row, r) =>
      row
        .map((cell, c) => {
          if (cell === null) return "";
          const text =
            typeof cell === "number" && r > 0 && percent.includes(c)
              ? `${Math.round(cell * 100)}%`
              : String(cell);
          return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
        })
        .join(","),
    )
    .map((line) => `${line}\n`)
    .join("");
}

const hasCalc =
  commandAvailable("soffice") &&
  ["/usr/lib/libreoffice/program/libsclo.so", "/usr/lib64/libreoffice/program/libsclo.so"].some(
    existsSync,
  );
if (!hasCalc)
  skipNotice(
    "the LibreOffice xlsx test: LibreOffice Calc is not installed (libreoffice-calc-nogui)",
  );

describe("a run over the fixtures", () => {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-xlsx-run-"));
  const output = join(dir, "整改台账.xlsx");
  const inputs = [join(__dirname, "../fixtures/compilation")];
  if (sharedAvailable()) inputs.push(join(SHARED, "fixtures/seeds-docx"));
  let json: JsonReport;
  let sheets: ReturnType<typeof readXlsx>["sheets"];

  beforeAll(async () => {
    const written = await capture(["check", "-f", "xlsx", "-o", output, ...inputs]);
    expect(written.stdout).toMatch(/^已写入 /);
    json = JSON.parse((await capture(["check", "-f", "json", ...inputs])).stdout) as JsonReport;
    sheets = readXlsx(new Uint8Array(readFileSync(output))).sheets;
  }, 300_000);

  it("lists exactly the findings of the JSON report, each with its rule's Chinese name", () => {
    const key = (file: string, f: { severity: string; rule: string; message: string }) =>
      [
        file,
        SEVERITY_WORD[f.severity as Finding["severity"]],
        RULE_NAMES[f.rule as Finding["rule"]],
        f.message,
      ].join("|");
    const fromJson = json.files.flatMap((file) => file.findings.map((f) => key(file.file, f)));
    const fromSheet = sheets[1]!.rows.slice(1).map((r) => [r[1], r[3], r[4], r[5]].join("|"));
    expect(fromSheet.length).toBeGreaterThan(50);
    expect(fromSheet.sort()).toEqual(fromJson.sort());
    expect(sheets[1]!.rows.slice(1).every((r) => r[7] === null && r[8] === null)).toBe(true);
  });

  it("has a summary row per report with the JSON report's counts", () => {
    const expected = json.files.flatMap((file) =>
      file.reports
        ? file.reports.map((report) => [
            report.unit,
            file.file,
            report.findings.filter((f) => f.severity === "error").length,
            report.findings.filter((f) => f.severity === "warning").length,
          ])
        : [[null, file.file, null, null]],
    );
    expect(sheets[0]!.rows.slice(1).map((r) => [r[0], r[1], r[5], r[6]])).toEqual(expected);
  });

  (hasCalc ? it : it.skip)(
    "converts in LibreOffice to the same cells, sheet by sheet",
    () => {
      const out = join(dir, "csv");
      mkdirSync(out);
      const convert = convertWithLibreOffice({
        profileDir: dir,
        // UTF-8, comma, double quotes, every sheet (-1) to its own file.
        to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        outdir: out,
        input: output,
        timeout: 240_000,
      });
      expect(convert.status).toBe(0);
      expect(readdirSync(out).sort()).toEqual(["整改台账-整改台账.csv", "整改台账-汇总.csv"]);
      const read = (name: string) => readFileSync(join(out, name), "utf8");
      expect(read("整改台账-整改台账.csv")).toBe(csvOf(sheets[1]!.rows));
      expect(read("整改台账-汇总.csv")).toBe(csvOf(sheets[0]!.rows, [9]));
    },
    300_000,
  );
});

describe("where the workbook may be written", () => {
  const fixture = join(__dirname, "../fixtures/compilation");
  const fresh = () => mkdtempSync(join(tmpdir(), "nianbao-xlsx-target-"));

  it("needs -o: a workbook never goes to the terminal", async () => {
    const run = await capture(["check", "-f", "xlsx", fixture]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`nianbao：${CHECK.xlsxNeedsOutput}\n`);
  });

  it("replaces a workbook of its own that no spreadsheet saved, and nothing else", async () => {
    const dir = fresh();
    const path = join(dir, "台账.xlsx");
    expect((await capture(["check", "-f", "xlsx", "-o", path, fixture])).code).toBe(1);
    const first = readFileSync(path);
    const again = await capture(["check", "-f", "xlsx", "-o", path, fixture]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^已写入 /);
    // The office fills in 整改情况 and saves: the spreadsheet leaves its traces.
    const parts = unzipSync(new Uint8Array(first));
    const core = strFromU8(parts["docProps/core.xml"]!).replace(
      "</cp:coreProperties>",
      "<cp:lastModifiedBy>办公室</cp:lastModifiedBy></cp:coreProperties>",
    );
    const saved = zipSync({ ...parts, "docProps/core.xml": strToU8(core) });
    writeFileSync(path, saved);
    const refused = await capture(["check", "-f", "xlsx", "-o", path, fixture]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`nianbao：${TARGET.refused(path, TARGET.xlsxExists)}\n`);
    expect(new Uint8Array(readFileSync(path))).toEqual(saved);
    expect(readdirSync(dir)).toEqual(["台账.xlsx"]);
  });

  it("never writes another format onto a spreadsheet, even through a link", async () => {
    const dir = fresh();
    const ledger = join(dir, "台账.xlsx");
    writeFileSync(ledger, "filled in");
    symlinkSync(ledger, join(dir, "r.csv"));
    for (const [format, path] of [
      ["csv", ledger],
      ["csv", join(dir, "r.csv")],
      ["json", join(dir, "new.xls")],
    ] as const) {
      const run = await capture(["check", "-f", format, "-o", path, fixture]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `nianbao：${TARGET.refused(path, TARGET.spreadsheetName(TARGET.suggestedName[format]))}\n`,
      );
    }
    expect(readFileSync(ledger, "utf8")).toBe("filled in");
    expect(readdirSync(dir).sort()).toEqual(["r.csv", "台账.xlsx"]);
  });

  it("writes a workbook only to an .xlsx name", async () => {
    const dir = fresh();
    const path = join(dir, "台账.csv");
    const run = await capture(["check", "-f", "xlsx", "-o", path, fixture]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `nianbao：${TARGET.refused(path, TARGET.xlsxName(TARGET.suggestedName.xlsx))}\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("never writes onto an input", async () => {
    const dir = fresh();
    const input = join(dir, "a.xlsx");
    writeFileSync(input, formatXlsx([single], [], { created }));
    const before = readFileSync(input);
    // Named on the command line, the workbook is read: an input. (Found by a folder scan, an
    // untouched workbook of ours is an earlier output instead: cli-output-safety.test.ts.)
    const run = await capture(["check", "-f", "xlsx", "-o", input, input, fixture]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nianbao：${TARGET.refused(input, TARGET.isInput)}\n`);
    expect(readFileSync(input)).toEqual(before);
  });
});
