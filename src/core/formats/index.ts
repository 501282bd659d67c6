import { FORMAT_2019 } from "./format-2019";
import { FORMAT_2021 } from "./format-2021";
import type { FormatId, ReportFormat } from "./types";

export const FORMATS: Record<FormatId, ReportFormat> = { "2021": FORMAT_2021, "2019": FORMAT_2019 };

/** The format a report on `year` must use: the trial format up to 2020, the 2021 format after. */
export function formatForYear(year: number): FormatId {
  return year <= 2020 ? "2019" : "2021";
}

/** The format whose tables apply when a report's own cannot be told: the current one. */
export function appliedFormat(format: FormatId | "unknown"): FormatId {
  return format === "unknown" ? "2021" : format;
}

/** The tables and relations a report of this format is checked against. */
export function formatSpec(format: FormatId | "unknown"): ReportFormat {
  return FORMATS[appliedFormat(format)];
}

export * from "./types";
export { FORMAT_2019, FORMAT_2021 };
