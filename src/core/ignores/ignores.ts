/**
 * Ignores the clerk or reviewer chose, stored in the document (a custom XML part beside the
 * ledger) so whoever opens it next sees them. 忽略此处 is keyed by the rule, the finding's
 * location and a fingerprint of its figures: when the figures change, the ignore lapses and
 * the finding comes back. 本文档忽略此规则 silences a rule for this document.
 */
import { z } from "zod";
import { readPartXml } from "../ooxml/part-xml";
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

/** FNV-1a over the rule, place and figures: short, stable, and the same in every host. */
export function fingerprintOf(finding: Finding): string {
  const text = [
    finding.rule,
    locationKey(finding.location),
    finding.message,
    finding.expected ?? "",
    finding.actual ?? "",
  ].join("|");
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function ignoreHere(finding: Finding): Ignore {
  return {
    scope: "here",
    rule: finding.rule,
    location: locationKey(finding.location),
    fingerprint: fingerprintOf(finding),
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
}

export function applyIgnores(findings: Finding[], ignores: Ignore[]): IgnoreResult {
  const result: IgnoreResult = { active: [], ignored: [], lapsed: [] };
  const lapsed = new Set<Ignore>();
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
    const fingerprint = fingerprintOf(finding);
    const match = here.find((i) => i.fingerprint === fingerprint);
    if (match) result.ignored.push({ finding, ignore: match });
    else {
      for (const stale of here) lapsed.add(stale);
      result.active.push(finding);
    }
  }
  result.lapsed = [...lapsed];
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
