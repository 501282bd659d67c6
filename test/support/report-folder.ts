/**
 * A folder of generated reports with known injected faults, for batch tests: each report gets
 * at most one fault, chosen by its number, and the expected error findings are returned.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  BALANCED_TABLE3,
  BALANCED_TABLE4,
  docx,
  statutoryReport,
  type ReportOptions,
} from "./docx-builder";

export interface Planted {
  file: string;
  unit: string;
  /** "rule @ location" of every error finding the file must produce. */
  errors: string[];
  damaged: boolean;
}

const FAULTS: { errors: string[]; options: ReportOptions }[] = [
  { errors: [], options: {} },
  {
    errors: [
      'table3-row-total @ {"table":"table3","row":"granted","column":"total"}',
      'table3-results-total @ {"table":"table3","row":"total","column":"total"}',
    ],
    options: { table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } },
  },
  {
    errors: [
      'table3-balance @ {"table":"table3","row":"total","column":"natural"}',
      'table3-balance @ {"table":"table3","row":"total","column":"total"}',
    ],
    options: { table3: { ...BALANCED_TABLE3, carryForward: [5, 1, 0, 0, 0, 0, 6] } },
  },
  {
    errors: ['table4-total @ {"table":"table4","row":"review","column":"total"}'],
    options: { table4: { ...BALANCED_TABLE4, review: [1, 1, 0, 1, 4] } },
  },
  { errors: ['section-missing @ {"section":"五"}'], options: { omitSections: ["五"] } },
  { errors: ['table-missing @ {"table":"table2"}'], options: { omitTables: ["table2"] } },
  {
    errors: ['cell-invalid @ {"table":"table2","row":"punishment","column":"decisions"}'],
    options: { table2: { punishment: ["若干"] } },
  },
];

export function writeReportFolder(
  dir: string,
  count: number,
  damagedAt: number | null = null,
): Planted[] {
  mkdirSync(dir, { recursive: true });
  const planted: Planted[] = [];
  for (let i = 0; i < count; i++) {
    const unit = `第${i + 1}镇人民政府`;
    const file = join(dir, `report-${String(i).padStart(4, "0")}.docx`);
    if (i === damagedAt) {
      writeFileSync(file, docx(statutoryReport({ unit })).subarray(0, 300));
      planted.push({ file, unit, errors: [], damaged: true });
      continue;
    }
    const fault = FAULTS[i % FAULTS.length] as (typeof FAULTS)[number];
    writeFileSync(file, docx(statutoryReport({ ...fault.options, unit, year: 2024 })));
    planted.push({ file, unit, errors: fault.errors, damaged: false });
  }
  return planted;
}
