/**
 * The HTML report in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core): it
 * renders, its summary agrees with the JSON report of the same files, and axe-core finds no
 * accessibility violation (test/support/axe.ts). Skipped, with the
 * reason printed, where Chromium is not installed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expectAccessible } from "../support/axe";
import { chromiumAvailable, launchChromium } from "../support/browser";
import { run } from "../../src/cli/main";
import { writeReportFolder } from "../support/report-folder";
import { docx, statutoryReport } from "../support/docx-builder";

const available = chromiumAvailable("the HTML report browser test");

const io = { stdout: () => undefined, stderr: () => undefined, isTty: false, progressStream: null };

(available ? describe : describe.skip)("the HTML report in Chromium", () => {
  it("renders a summary whose counts match the JSON report", async () => {
    const work = mkdtempSync(join(tmpdir(), "nianbao-html-"));
    writeReportFolder(join(work, "reports"), 14, 5);
    const html = join(work, "report.html");
    const json = join(work, "report.json");
    await run(["check", "-f", "html", "-o", html, "--jobs", "1", join(work, "reports")], io);
    await run(["check", "-f", "json", "-o", json, "--jobs", "1", join(work, "reports")], io);
    const report = JSON.parse(readFileSync(json, "utf8")) as {
      files: { file: string; error: unknown; findings: { severity: string }[] }[];
    };
    const count = (severity: string) =>
      report.files.reduce(
        (n, f) => n + f.findings.filter((x) => x.severity === severity).length,
        0,
      );

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(html).href);
      expect(await page.title()).toBe("年报校核报告");
      const rows = await page.$$eval("#summary tbody tr", (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")),
      );
      expect(rows).toHaveLength(report.files.length);
      expect(rows[0]?.[3]).toBe("无法读取");
      const summed = (column: number) =>
        rows.reduce((n, row) => n + (row.length === 7 ? Number(row[column]) : 0), 0);
      expect([summed(4), summed(5), summed(6)]).toEqual([
        count("error"),
        count("warning"),
        count("info"),
      ]);
      expect(await page.textContent("#total-error")).toBe(String(count("error")));
      expect(await page.textContent("#total-unreadable")).toBe(
        String(report.files.filter((f) => f.error).length),
      );
      expect(await page.$$eval("section.file", (sections) => sections.length)).toBe(
        report.files.length,
      );
      expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
      await expectAccessible(page, "the HTML batch report");
      const out = resolve(__dirname, "../../test-output");
      mkdirSync(out, { recursive: true });
      await page.screenshot({ path: join(out, "html-report.png"), fullPage: false });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("prints on A4 without breaking 错误/警告 into one character per line", async () => {
    const work = mkdtempSync(join(tmpdir(), "nianbao-print-"));
    writeReportFolder(join(work, "reports"), 10, 3);
    // Warnings too: blank cells in table 二.
    for (const n of [1, 2])
      writeFileSync(
        join(work, "reports", `warning-${n}.docx`),
        docx(
          statutoryReport({ unit: `某${n}镇人民政府`, year: 2024, table2: { punishment: [""] } }),
        ),
      );
    const html = join(work, "report.html");
    await run(["check", "-f", "html", "-o", html, "--jobs", "1", join(work, "reports")], io);
    const out = resolve(__dirname, "../../test-output");
    mkdirSync(out, { recursive: true });
    const pdf = join(out, "html-report-a4.pdf");
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      await page.emulateMedia({ media: "print" });
      // As printed: every severity cell holds its word on one line.
      // As printed: every severity and status word is on one line (its text boxes share a top).
      const lines = await page.$$eval("td.severity, td.status", (cells) =>
        cells.map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const tops = Array.from(range.getClientRects(), (r) => Math.round(r.top));
          return [cell.textContent ?? "", new Set(tops).size] as const;
        }),
      );
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.filter(([, count]) => count !== 1)).toEqual([]);
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: join(out, "html-report-print.png"), fullPage: false });
    } finally {
      await browser.close();
    }
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    if (text.error) {
      console.warn(`skipping the PDF text check: pdftotext is not installed`);
      return;
    }
    const lines = text.stdout.split("\n");
    expect(text.stdout).toContain("✖ 错误");
    expect(text.stdout).toContain("▲ 警告");
    // A severity word split across lines leaves a lone 误/告 (or 错/警) in the column.
    expect(lines.filter((line) => /(^|\s)(错|警|误|告)(\s|$)/.test(line))).toEqual([]);
    // The findings table's header is repeated on each page it spans.
    const pages = text.stdout.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const pageText of pages.slice(1).filter((p) => p.includes("✖ 错误")))
      expect(pageText).toMatch(/严重程度\s+问题说明/);
  }, 120_000);
});
