/**
 * An annotated copy opens in LibreOffice with our comments: signed 年报校核, the finding and
 * what to do. Needs soffice; says so at the end of the run when it is not installed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { check, COMMENT_AUTHOR, readDocument } from "../../src/core";
import { annotateDocx } from "../../src/core/annotate/annotate";
import { docx, FAULTY_TABLE4, statutoryReport } from "../support/docx-builder";
import { commandAvailable, convertWithLibreOffice } from "../support/libreoffice";
import { skipNotice } from "../support/notes";

const hasSoffice = commandAvailable("soffice");
if (!hasSoffice) skipNotice("the LibreOffice comment test: soffice is not installed");

(hasSoffice ? it : it.skip)(
  "opens in LibreOffice with our comments",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-annotated-"));
    const bytes = docx(
      statutoryReport({
        table4: FAULTY_TABLE4,
      }),
    );
    writeFileSync(join(dir, "a.docx"), annotateDocx(bytes, check(readDocument(bytes)).findings));
    const convert = convertWithLibreOffice({
      profileDir: dir,
      to: "odt",
      outdir: dir,
      input: join(dir, "a.docx"),
      timeout: 120_000,
    });
    expect(convert.status).toBe(0);
    const content = strFromU8(
      unzipSync(new Uint8Array(readFileSync(join(dir, "a.odt"))))["content.xml"] as Uint8Array,
    );
    expect(content).toContain("<office:annotation");
    expect(content).toContain(
      "行政复议：结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 1 = 3，但总计为 4，相差 1。请核对该组各项结果的数字与总计，改正有误的一处。",
    );
    expect(content).toContain(`<dc:creator>${COMMENT_AUTHOR}</dc:creator>`);
    expect(content).not.toMatch(/table4-total/);
  },
  180_000,
);
