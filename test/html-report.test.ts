/**
 * The HTML report in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core): it
 * renders, and its summary agrees with the JSON report of the same files. Skipped, with the
 * reason printed, where Chromium is not installed.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { run } from "../src/cli/main";
import { writeReportFolder } from "./support/report-folder";

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
        rows.reduce((n, row) => n + (row.length === 6 ? Number(row[column]) : 0), 0);
      expect([summed(3), summed(4), summed(5)]).toEqual([
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
      const out = resolve(__dirname, "../test-output");
      mkdirSync(out, { recursive: true });
      await page.screenshot({ path: join(out, "html-report.png"), fullPage: false });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
