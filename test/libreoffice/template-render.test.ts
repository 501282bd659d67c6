/**
 * The generated .docx opens in LibreOffice and renders to PDF with every section and table.
 * Needs soffice (Debian: libreoffice-writer-nogui) and pdftotext (poppler-utils); without them
 * the test is skipped and says why.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { templateDocx } from "../../src/core/template";
import { commandAvailable, convertWithLibreOffice } from "../support/libreoffice";
import { skipNotice } from "../support/notes";

const available = commandAvailable("soffice") && commandAvailable("pdftotext");
if (!available) skipNotice("the LibreOffice render test: soffice or pdftotext is not installed");

(available ? describe : describe.skip)("rendering the template in LibreOffice", () => {
  it("converts to a PDF whose text has the title, the six sections and the table labels", () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-render-"));
    const docx = join(dir, "template.docx");
    writeFileSync(docx, templateDocx({ format: "2021", year: 2025, unit: "某某镇人民政府" }));
    const convert = convertWithLibreOffice({
      profileDir: dir,
      to: "pdf",
      outdir: dir,
      input: docx,
      timeout: 120_000,
    });
    expect(convert.status).toBe(0);
    const text = spawnSync("pdftotext", ["-layout", join(dir, "template.pdf"), "-"], {
      encoding: "utf8",
    }).stdout.replace(/\s+/g, "");
    for (const words of [
      "某某镇人民政府",
      "2025年政府信息公开工作年度报告",
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
      "第二十条第（八）项",
      "申请人情况",
      "8.属于行政查询事项",
      "四、结转下年度继续办理",
      "复议后起诉",
    ]) {
      expect(text).toContain(words);
    }
    expect(readFileSync(join(dir, "template.pdf")).subarray(0, 4).toString()).toBe("%PDF");
  }, 180_000);
});
