import { attributeWords } from "./view-state.js";

// One plain sentence per indicator, in the field's words and against its baseline, consistent with
// the readings of docs/indicators.md. A reading describes the community; it never sets a target.

export interface ReadingContext {
  readonly attribute: string;
  readonly details?: unknown;
  /** True when the view counts only a window (or fades old ties), for the wording of periods. */
  readonly windowed: boolean;
}

type Value = number | null | undefined;

const percent = (share: number) => `${Math.round(share * 100)}%`;
const count = (n: number) => Math.round(n).toLocaleString("en");
const detail = (details: unknown, key: string): unknown =>
  details && typeof details === "object" ? (details as Record<string, unknown>)[key] : undefined;

function mixing(value: Value, baseline: Value, attribute: string): string {
  const { one, many } = attributeWords(attribute);
  if (value === null || value === undefined)
    return `No ties between members with a known ${one} yet, so mixing cannot be read.`;
  if (baseline === null || baseline === undefined) {
    return value < 0 ? `Most ties stay inside one ${one}.` : `Most ties cross ${many}.`;
  }
  const gap = value - baseline;
  if (gap < -0.1 && value <= -0.2)
    return `Most ties stay inside one ${one}; random mixing would give far more crossing.`;
  if (gap < -0.1) return `Ties cross ${many} less often than random mixing would.`;
  if (gap > 0.1) return `Ties cross ${many} more often than random mixing would.`;
  return `Ties cross ${many} about as often as random mixing would.`;
}

function diversity(value: Value, attribute: string, details: unknown): string {
  const { one, many } = attributeWords(attribute);
  if (value === null || value === undefined) return `Not enough members with a known ${one} to read a mix.`;
  const k = detail(details, "k");
  const counts = detail(details, "counts");
  const present =
    counts && typeof counts === "object"
      ? Object.values(counts).filter((n) => typeof n === "number" && n > 0).length
      : undefined;
  const missing = typeof k === "number" && present !== undefined && present < k;
  if (value >= 0.8) {
    const of = missing ? ` (${present} of the ${k} represented)` : "";
    return `Members are spread fairly evenly over the ${many}${of}; 1 would be an even spread over all of them.`;
  }
  if (missing && present > 1) {
    return `Members come from ${present} of the ${k} ${many}; those not represented at all pull the mix down.`;
  }
  if (value >= 0.5) return `Members come from several ${many}, some far more represented than others.`;
  return `Most members come from one or two ${many}; 1 would be an even spread over all of them.`;
}

function rho(value: Value): string {
  if (value === null || value === undefined) return "Not enough ties yet to say whether help is returned.";
  if (value > 0.2) return "Help is returned clearly more often than chance would give at this density.";
  if (value > 0.05) return "Help is returned somewhat more often than chance would give at this density.";
  if (value >= -0.05) return "Help is returned about as often as chance would give at this density.";
  return "Help is returned less often than chance would give: it tends to flow one way.";
}

function dyadic(value: Value, baseline: Value): string {
  if (value === null || value === undefined) return "No ties yet, so no pairs to read.";
  const chance =
    baseline === null || baseline === undefined ? "" : `; chance at this density would give ${percent(baseline)}`;
  return `${percent(value)} of connected pairs help each other both ways${chance}.`;
}

function dualRoles(value: Value): string {
  if (value === null || value === undefined) return "Nobody took part in this period, so there are no roles to read.";
  const share = percent(value);
  return `${share} of active members both gave (facilitated, presented, advised) and received (learned, were mentored).`;
}

function active(value: Value, context: ReadingContext): string {
  const when = context.windowed ? "in this period" : "since the start";
  if (value === null || value === undefined || value === 0) return `Nobody has taken part in anything ${when}.`;
  const share = detail(context.details, "activeShare");
  const of =
    share === 1
      ? ": every member in the graph"
      : typeof share === "number"
        ? `: ${percent(share)} of the members in the graph`
        : "";
  return `${count(value)} ${value === 1 ? "member" : "members"} took part in an interaction or gathering ${when}${of}.`;
}

function inGraph(value: Value, context: ReadingContext): string {
  if (!value) return "Nobody in the graph at this date.";
  const period = context.windowed ? "this period" : "the history so far";
  return `${count(value)} ${value === 1 ? "member" : "members"} at this date: everyone who had joined and not left, and those who left but appear in a record of ${period}, tied to anyone or not.`;
}

function clusters(value: Value, attribute: string): string {
  const { one } = attributeWords(attribute);
  if (value === null || value === undefined) return "No ties yet, so no clusters to read.";
  if (value === 0) return `No tightly knit cluster is 80% or more one ${one}.`;
  return value === 1
    ? `One tightly knit cluster is at least 80% one ${one}.`
    : `${count(value)} tightly knit clusters are each at least 80% one ${one}.`;
}

function reversal(value: Value, baseline: Value): string {
  if (value === null || value === undefined) return "Nobody has helped or led anyone yet, so no roles could reverse.";
  const random =
    baseline === null || baseline === undefined
      ? ""
      : `; if help went either way at random it would be ${percent(baseline)}`;
  return `In ${percent(value)} of the pairs where one helped or led the other, the roles later reversed${random}.`;
}

function hierarchyInversion(value: Value, baseline: Value): string {
  if (value === null || value === undefined)
    return "No giving between members of different occupational layers yet, so nothing to read.";
  const shuffled =
    baseline === null || baseline === undefined
      ? ""
      : `; with the roles shuffled within each gathering it would be ${percent(baseline)}`;
  return `In ${percent(value)} of the giving across occupational layers, the lower layer gave (a student leading, a professional advising a director)${shuffled}.`;
}

function entropy(value: Value, details: unknown): string {
  const eligible = detail(details, "eligible");
  const regulars =
    typeof eligible === "number"
      ? `the ${count(eligible)} ${eligible === 1 ? "member" : "members"} who took part three times or more`
      : "members who took part three times or more";
  if (value === null || value === undefined)
    return "Nobody took part three times or more, so role variety cannot be read.";
  const mix =
    value < 0.2
      ? "mostly keep to one role"
      : value < 0.45
        ? "mostly keep to one or two roles"
        : "take a good variety of roles";
  return `On average, ${regulars} ${mix}; 0 would be always the same role, 1 every role equally often.`;
}

function switchRate(value: Value): string {
  if (value === null || value === undefined) return "Nobody has taken part twice yet, so no switch of role to read.";
  return `When members came back, ${percent(value)} of the time they came in a different kind of role (giving, peer or receiving) than the time before.`;
}

function timeToReturn(value: Value): string {
  if (value === null || value === undefined) return "No help has been returned within a month yet.";
  const days = Math.max(1, Math.round(value));
  return `When help is returned within a month, half of it comes back within ${days} ${days === 1 ? "day" : "days"}.`;
}

/** The sentence for an indicator's value and baseline. */
export function reading(id: string, value: Value, baseline: Value, context: ReadingContext): string {
  switch (id) {
    case "silo.ei":
      return mixing(value, baseline, context.attribute);
    case "diversity.iqv":
      return diversity(value, context.attribute, context.details);
    case "reciprocity.rho":
      return rho(value);
    case "reciprocity.dyadic":
      return dyadic(value, baseline);
    case "roles.dual_role_share":
      return dualRoles(value);
    case "roles.reversal":
      return reversal(value, baseline);
    case "roles.hierarchy_inversion":
      return hierarchyInversion(value, baseline);
    case "roles.entropy":
      return entropy(value, context.details);
    case "roles.switch_rate":
      return switchRate(value);
    case "reciprocity.time_to_return":
      return timeToReturn(value);
    case "activity.active_members":
      return active(value, context);
    case "silo.clusters":
      return clusters(value, context.attribute);
    case "network.members":
      return inGraph(value, context);
    case "network.ties":
      return value
        ? `${count(value)} one-way ties in the selected layers; a two-way relationship counts twice.`
        : "No ties yet in the selected layers.";
    default:
      return "";
  }
}

/** The title of an indicator in the field's words. */
export function title(id: string, attribute: string): string {
  const { many } = attributeWords(attribute);
  const titles: Record<string, string> = {
    "silo.ei": `Mixing across ${many}`,
    "diversity.iqv": `Diversity of ${many}`,
    "reciprocity.rho": "Help returned, beyond chance",
    "reciprocity.dyadic": "Pairs helping both ways",
    "roles.dual_role_share": "Members who both gave and received",
    "roles.reversal": "Roles reversing within pairs",
    "roles.hierarchy_inversion": "Lower layers giving to higher ones",
    "roles.entropy": "Variety of roles",
    "roles.switch_rate": "Role switching",
    "reciprocity.time_to_return": "Days for help to come back",
    "activity.active_members": "Members who took part",
    "network.members": "Members in the graph",
    "network.ties": "Ties",
    "silo.clusters": "Silo clusters",
  };
  return titles[id] ?? id;
}
