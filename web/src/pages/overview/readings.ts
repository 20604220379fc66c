// Plain-language readings of the overview's headline indicators. Each describes what the number
// says next to its baseline; none grades the community or suggests a target to reach.

/** Two decimals for indices, whole numbers for counts, with a true minus sign. */
export function formatNumber(value: number | null | undefined, kind: "index" | "count" = "index"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = kind === "count" ? Math.round(value).toLocaleString("en") : value.toFixed(2);
  return text.replace("-", "−");
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What the indicators endpoint tells us beyond value and baseline (group counts, K). */
export interface ReadingInput {
  readonly value: number | null;
  readonly baseline: number | null;
  readonly details?: unknown;
  /** The community's current members (joined and not left), for the counts that can exceed it. */
  readonly currentMembers?: number | null;
}

function observedGroups(details: unknown): { observed: number; k: number } | undefined {
  if (typeof details !== "object" || details === null) return undefined;
  const { counts, k } = details as { counts?: Record<string, number>; k?: number };
  if (!counts || typeof k !== "number") return undefined;
  return { observed: Object.values(counts).filter((count) => count > 0).length, k };
}

/** E-I rescaled to the share of ties that cross groups: (EI + 1) / 2, and so is its baseline. */
export function readMixing({ value, baseline }: ReadingInput): string {
  if (value === null) return "No ties between members with a sector yet: log a gathering or an interaction.";
  const crossing = `${percent((value + 1) / 2)} of ties cross sectors`;
  if (baseline === null) return `${crossing}.`;
  return `${crossing}; random mixing would give ${percent((baseline + 1) / 2)}.`;
}

export function readDiversity({ value, details }: ReadingInput, groupWord: { one: string; many: string }): string {
  if (value === null) return `No member has a ${groupWord.one} recorded yet.`;
  const groups = observedGroups(details);
  const spread = `the mix reaches ${percent(value)} of the most even spread`;
  if (!groups) return `Members' ${groupWord.many}: ${spread}.`;
  return `Members come from ${groups.observed} of the ${groups.k} ${groupWord.many}; ${spread}.`;
}

export function readReciprocity({ value, baseline }: ReadingInput): string {
  if (value === null) return "No ties yet, so nothing to say about help flowing both ways.";
  const both = `${percent(value)} of connected pairs have ties both ways`;
  if (baseline === null) return `${both}.`;
  return `${both}; chance at this density would give ${percent(baseline)}.`;
}

export function readDualRoles({ value }: ReadingInput): string {
  if (value === null) return "Nobody has taken part in a gathering or interaction yet.";
  return `${percent(value)} of the members who took part both gave (facilitated, presented, advised) and received (learned, were mentored).`;
}

export function readActive({ value, currentMembers }: ReadingInput): string {
  if (value === null || value === 0) {
    return "Nobody took part in the last 90 days: log the last gathering, or import a CSV.";
  }
  const people = value === 1 ? "1 member" : `${formatNumber(value, "count")} members`;
  const left =
    typeof currentMembers === "number" && value > currentMembers
      ? `, more than the ${formatNumber(currentMembers, "count")} current members: some have left since`
      : "";
  return `${people} took part in an interaction or gathering in the last 90 days${left}.`;
}
