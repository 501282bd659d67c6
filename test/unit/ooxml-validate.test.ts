/**
 * Every package we write passes the team's OOXML validator: each template (.docx and the
 * flat-OPC package the add-ins insert) has no violation at all, and an annotated copy adds no
 * violation its input did not already have. All files go to the validator in one run.
 * Needs ../shared, python3 and xmllint (Debian: libxml2-utils); without them it says why and
 * skips.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { check, readDocument, type Finding } from "../../src/core";
import { annotateDocx } from "../../src/core/annotate/annotate";
import { skipNotice } from "../support/notes";
import type { FormatId } from "../../src/core/formats";
import {
  buildPart,
  buildTemplate,
  templateFlatOpc,
  toDocx,
  type TemplatePart,
} from "../../src/core/template";
import { BALANCED_TABLE3, BALANCED_TABLE4, docx, statutoryReport } from "../support/docx-builder";
import {
  schemaComplete,
  selfClosingParagraphs,
  trackedCellFormatting,
  unusualCommentParts,
} from "../support/docx-variants";
import { addedViolations, validate, validatorUnavailable } from "../support/ooxml-validator";
import { SHARED, sharedAvailable } from "../support/shared";

/** A unit name with a manual line break (U+000B, as Word's text has it) and worse. */
const AWKWARD_UNIT = "某某\u000B镇人民政府\u0001&<>\"'\uFFFF\uD800";

const PARTS: [string, TemplatePart | undefined][] = [
  ["whole", undefined],
  ...["一", "二", "三", "四", "五", "六"].map((section): [string, TemplatePart] => [
    section,
    { section: section as "一" },
  ]),
  ...(["table2", "table3", "table4"] as const).map((table): [string, TemplatePart] => [
    table,
    { table },
  ]),
];

interface Template {
  name: string;
  file: string;
  bytes: Uint8Array | string;
}

function templates(): Template[] {
  const result: Template[] = [];
  for (const format of ["2021", "2019"] as FormatId[])
    for (const zeros of [false, true])
      for (const unit of [undefined, AWKWARD_UNIT])
        for (const [partName, part] of PARTS) {
          // Parts carry no unit: one set of them is enough.
          if (part && unit) continue;
          const options = { format, year: 2024, zeros, ...(unit && { unit }) };
          const name = `${format}-${partName}${zeros ? "-zeros" : ""}${unit ? "-unit" : ""}`;
          // As the command line writes it (`nianbao template [--part]`).
          const blocks = part ? buildPart(part, options) : buildTemplate(options);
          const title = blocks[0]?.kind === "paragraph" ? blocks[0].text : "";
          result.push({ name, file: `template-${name}.docx`, bytes: toDocx(blocks, title) });
          result.push({
            name,
            file: `template-${name}.xml`,
            bytes: templateFlatOpc(options, part),
          });
        }
  return result;
}

/** The findings, and one more whose message holds characters XML forbids. */
function withAwkwardText(findings: Finding[]): Finding[] {
  const first = findings[0];
  return first
    ? [...findings, { ...first, message: `单位“${AWKWARD_UNIT}”\t换行\n${first.message}` }]
    : findings;
}

interface Input {
  name: string;
  bytes: Uint8Array;
  /** Ours, built valid: it must have no violation before we annotate it either. */
  built: boolean;
  /** Annotate with one more finding whose message holds characters XML forbids. */
  awkward?: boolean;
}

function inputs(): Input[] {
  const faulty = schemaComplete(
    docx(
      statutoryReport({
        unit: "某某镇\n人民政府",
        table3: { ...BALANCED_TABLE3, granted: [10, 1, "", 0, 0, 0, 12] },
        table4: { ...BALANCED_TABLE4, review: [1, 1, 0, 1, 4] },
        omitSections: ["五"],
      }),
    ),
  );
  const built: [string, Uint8Array][] = [
    ["built report with faults", faulty],
    ["self-closing paragraphs and empty cells", selfClosingParagraphs(faulty)],
    ["tracked cell formatting", trackedCellFormatting(faulty)],
    ...unusualCommentParts(faulty),
  ];
  const result: Input[] = built.map(([name, bytes]) => ({ name, bytes, built: true }));
  result.push({
    name: "built report, a finding with U+000B and other characters XML forbids",
    bytes: faulty,
    built: true,
    awkward: true,
  });
  if (sharedAvailable()) {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? walk(join(dir, entry.name))
          : entry.name.endsWith(".docx")
            ? [join(dir, entry.name)]
            : [],
      );
    const root = join(SHARED, "fixtures");
    for (const path of walk(root).sort())
      result.push({
        name: relative(root, path),
        bytes: new Uint8Array(readFileSync(path)),
        built: false,
      });
  }
  return result;
}

const unavailable = validatorUnavailable();
if (unavailable) skipNotice(`the OOXML validation tests: ${unavailable}`);

const INPUTS = unavailable ? [] : inputs();

(unavailable ? describe.skip : describe)(
  "every package we write passes the OOXML validator",
  () => {
    let dir = "";
    let written: (Template & { path: string })[] = [];
    let copies: (Input & { input: string; output: string })[] = [];
    let violations = new Map<string, string[]>();

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "nianbao-ooxml-"));
      written = templates().map((t) => {
        const path = join(dir, t.file);
        writeFileSync(path, t.bytes);
        return { ...t, path };
      });
      copies = INPUTS.map((item, i) => {
        const input = join(dir, `in-${i}.docx`);
        const output = join(dir, `out-${i}.docx`);
        writeFileSync(input, item.bytes);
        const findings = check(readDocument(item.bytes)).findings;
        writeFileSync(
          output,
          annotateDocx(item.bytes, item.awkward ? withAwkwardText(findings) : findings),
        );
        return { ...item, input, output };
      });
      violations = validate([
        ...written.map((t) => t.path),
        ...copies.flatMap((c) => [c.input, c.output]),
      ]);
    }, 600_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const failing = (kind: string) =>
      written
        .filter((t) => t.file.endsWith(kind))
        .map((t) => [t.file, violations.get(t.path)] as const)
        .filter(([, found]) => found?.length !== 0);

    it("passes each template .docx: 2021 and 2019, whole and each part, with and without --zeros", () => {
      expect(written.filter((t) => t.file.endsWith(".docx"))).toHaveLength(44);
      expect(failing(".docx")).toEqual([]);
    });

    it("passes each flat-OPC package the add-ins insert, whole and each part", () => {
      expect(written.filter((t) => t.file.endsWith(".xml"))).toHaveLength(44);
      expect(failing(".xml")).toEqual([]);
    });

    it("sees the WPS control's own violations, so that a silent validator cannot pass", () => {
      const wps = copies.find((c) => c.name.endsWith("blank-template-2021-wps.docx"));
      if (!wps)
        return void skipNotice(
          "the WPS control of the OOXML validator: ../shared has no such file",
        );
      const found = violations.get(wps.input) ?? [];
      expect(found).toHaveLength(3);
      for (const violation of found)
        expect(violation).toMatch(/^word\/styles\.xml: .*w:uiPriority/);
      expect(violations.get(wps.output)).toEqual(found);
    });

    it.each(INPUTS.map(({ name }, i) => [name, i] as const))(
      "an annotated copy of %s adds no violation",
      (_name, i) => {
        const copy = copies[i] as (typeof copies)[number];
        const before = violations.get(copy.input);
        const after = violations.get(copy.output);
        expect(before).toBeDefined();
        expect(after).toBeDefined();
        expect(addedViolations(before ?? [], after ?? [])).toEqual([]);
      },
    );

    it("starts from built inputs without violations, so that the comparison means something", () => {
      const built = copies.filter((c) => c.built);
      expect(built.length).toBeGreaterThan(5);
      for (const copy of built)
        expect([copy.name, violations.get(copy.input)]).toEqual([copy.name, []]);
    });
  },
);
