/**
 * Ignores the clerk or reviewer chose, stored in the document (a custom XML part beside the
 * ledger) so whoever opens it next sees them. 忽略此处 is keyed by the rule, the finding's
 * location and a fingerprint of its figures: when the figures change, the ignore lapses and
 * the finding comes back. 本文档忽略此规则 silences a rule for this document.
 *
 * The fingerprint covers the rule, the location, the figures (`expected`, `actual`, each of
 * `cells`) and, in a document of several reports, the report's unit; never the message, so
 * rewording a message keeps every saved ignore. Fingerprints written before this form hashed the
 * message instead: they are still read (the old hash is recomputed beside the new one) for as
 * long as the message reads the same, and `IgnoreResult.current` rewrites each one that matched
 * in the new form, for the host to save with the next change to the ignores.
 *
 * The command line does not honour ignores stored in a document: it reports every finding. An
 * ignore is the working note of whoever edits the report in Word or WPS; a supervising office
 * checking the files it received must see what the checker finds, not what the author chose to
 * hide (test/unit/cli-ignores.test.ts).
 */
import { z } from "zod";
import { readPartXml } from "../ooxml/part-xml";
import { unitKey } from "../recognize/reports";
import { RULE_IDS, type Finding, type FindingLocation, type RuleId } from "../rules/types";
import { escapeXml } from "../ooxml/escape";

export const IGNORES_NAMESPACE = "urn:nianbao:ignores:1";

export const ignoreSchema = z.discriminatedUnion("scope", [
  z
    .object({
      scope: z.literal("here"),
      rule: z.enum(RULE_IDS),
      location: z.string(),
      fingerprint: z.string().regex(/^[0-9a-f]{8}$/),
      /** The message when ignored, to list it even after it lapsed. */
      message: z.string(),
    })
    .strict(),
  z.object({ scope: z.literal("rule"), rule: z.enum(RULE_IDS) }).strict(),
]);

export type Ignore = z.infer<typeof ignoreSchema>;

export function locationKey(location: FindingLocation): string {
  const entries = Object.entries(location).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}

/** The document's reports (CheckResult.reports), for the unit of each finding. */
export type ReportUnits = readonly { unit: string | null }[];

/** FNV-1a: short, stable, and the same in every host. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The finding's rule, place and figures, and its report's unit when there are several reports. */
export function fingerprintOf(finding: Finding, reports: ReportUnits): string {
  const cells = (finding.cells ?? []).map((c) => [c.row, c.column, c.expected ?? null]);
  const unit = reports.length > 1 ? reportKey(finding.report, reports) : "";
  return fnv1a(
    [
      "2",
      finding.rule,
      locationKey(finding.location),
      finding.expected ?? "",
      finding.actual ?? "",
      JSON.stringify(cells),
      unit,
    ].join("|"),
  );
}

function reportKey(index: number, reports: ReportUnits): string {
  const unit = reports[index]?.unit;
  return unit ? unitKey(unit) : `#${index}`;
}

/** The fingerprint as ignores saved before the current form have it: over the message text. */
export function oldFingerprintOf(finding: Finding): string {
  return fnv1a(
    [
      finding.rule,
      locationKey(finding.location),
      finding.message,
      finding.expected ?? "",
      finding.actual ?? "",
    ].join("|"),
  );
}

export function ignoreHere(finding: Finding, reports: ReportUnits): Ignore {
  return {
    scope: "here",
    rule: finding.rule,
    location: locationKey(finding.location),
    fingerprint: fingerprintOf(finding, reports),
    message: finding.message,
  };
}

export function ignoreRule(rule: RuleId): Ignore {
  return { scope: "rule", rule };
}

export const sameIgnore = (a: Ignore, b: Ignore) =>
  a.scope === b.scope &&
  a.rule === b.rule &&
  (a.scope === "rule" || (b.scope === "here" && a.location === b.location));

export interface IgnoredFinding {
  finding: Finding;
  ignore: Ignore;
}

export interface IgnoreResult {
  /** Findings still to show and mark. */
  active: Finding[];
  ignored: IgnoredFinding[];
  /** 忽略此处 entries whose figures changed: their findings are active again. */
  lapsed: Ignore[];
  /** The document's ignores, each one that matched by its old fingerprint in the new form. */
  current: Ignore[];
}

export function applyIgnores(
  findings: Finding[],
  ignores: Ignore[],
  reports: ReportUnits,
): IgnoreResult {
  const result: IgnoreResult = { active: [], ignored: [], lapsed: [], current: [] };
  const lapsed = new Set<Ignore>();
  const upgraded = new Map<Ignore, Ignore>();
  for (const finding of findings) {
    const byRule = ignores.find((i) => i.scope === "rule" && i.rule === finding.rule);
    if (byRule) {
      result.ignored.push({ finding, ignore: byRule });
      continue;
    }
    const location = locationKey(finding.location);
    const here = ignores.filter(
      (i): i is Extract<Ignore, { scope: "here" }> =>
        i.scope === "here" && i.rule === finding.rule && i.location === location,
    );
    const fingerprint = fingerprintOf(finding, reports);
    const match = here.find((i) => i.fingerprint === fingerprint);
    const old = match ? undefined : here.find((i) => i.fingerprint === oldFingerprintOf(finding));
    if (match) result.ignored.push({ finding, ignore: match });
    else if (old) {
      result.ignored.push({ finding, ignore: old });
      upgraded.set(old, { ...old, fingerprint });
    } else {
      for (const stale of here) lapsed.add(stale);
      result.active.push(finding);
    }
  }
  result.lapsed = [...lapsed].filter((i) => !upgraded.has(i));
  result.current = ignores.map((i) => upgraded.get(i) ?? i);
  return result;
}

export function ignoresToXml(ignores: Ignore[]): string {
  const items = ignores
    .map((i) =>
      i.scope === "rule"
        ? `<rule id="${i.rule}"/>`
        : `<here rule="${i.rule}" location="${escapeXml(i.location)}" fingerprint="${i.fingerprint}" message="${escapeXml(i.message)}"/>`,
    )
    .join("");
  return `<ignores xmlns="${IGNORES_NAMESPACE}">${items}</ignores>`;
}

/** The ignores in a part's XML; entries that do not validate are dropped, not trusted. */
export function ignoresFromXml(xml: string): Ignore[] | null {
  const items: unknown[] = [];
  let isIgnores = false;
  const wellFormed = readPartXml(xml, "ignores", (name, attributes) => {
    if (name === "ignores") isIgnores = attributes.xmlns === IGNORES_NAMESPACE;
    else if (name === "rule") items.push({ scope: "rule", rule: attributes.id });
    else if (name === "here")
      items.push({
        scope: "here",
        rule: attributes.rule,
        location: attributes.location,
        fingerprint: attributes.fingerprint,
        message: attributes.message ?? "",
      });
  });
  if (!wellFormed) return null;
  if (!isIgnores) return null;
  return items.flatMap((item) => {
    const parsed = ignoreSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
