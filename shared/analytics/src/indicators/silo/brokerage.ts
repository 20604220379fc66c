// Itinerant is also called consultant. Two-paths touching a member without a value are not counted.
// Counted over typed arrays shared by the report's indicators: compact/brokerage.ts.
import { brokerageCounts, ROLE_COUNT, roleIndex } from "../../compact/brokerage.js";
import { compactGraphOf } from "../../compact/compact-graph.js";
import { groupCodesOf } from "../../compact/group-codes.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";

export const brokerageRoles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"] as const;
export type BrokerageRole = (typeof brokerageRoles)[number];
export type BrokerageCounts = Record<BrokerageRole, number>;

function zero(): BrokerageCounts {
  return { coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0 };
}

export function roleOf(a: string, b: string, c: string): BrokerageRole {
  return brokerageRoles[roleIndex(a, b, c)]!;
}

export function brokerage(graph: CommunityGraph, attribute: string): Record<string, BrokerageCounts> {
  const compact = compactGraphOf(graph);
  const { codes } = groupCodesOf(graph, attribute);
  const counts = brokerageCounts(compact, codes);
  const result: Record<string, BrokerageCounts> = {};
  compact.ids.forEach((broker, b) => {
    if (codes[b]! < 0) return;
    const member = zero();
    brokerageRoles.forEach((role, r) => {
      member[role] = counts[b * ROLE_COUNT + r]!;
    });
    result[broker] = member;
  });
  return result;
}

export function brokerageResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const counts = brokerage(graph, attribute);
  const totals = zero();
  const byMember: Record<string, Value> = {};
  graph.forEachNode((node) => {
    const member = counts[node];
    if (member === undefined) {
      byMember[node] = null;
      return;
    }
    let sum = 0;
    for (const role of brokerageRoles) {
      totals[role] += member[role];
      sum += member[role];
    }
    byMember[node] = sum;
  });
  const value = brokerageRoles.reduce((sum, role) => sum + totals[role], 0);
  return { value, byMember, details: { byMember: counts, totals } };
}

export const brokerageIndicator: Indicator = {
  id: "silo.brokerage",
  version: 1,
  title: "Brokerage (Gould–Fernandez)",
  unit: "count",
  options: ["attribute"],
  formula:
    "over open two-paths a → b → c (a ≠ c, no arc a → c), broker b: coordinator g(a)=g(b)=g(c); itinerant g(a)=g(c)≠g(b); representative g(a)=g(b)≠g(c); gatekeeper g(b)=g(c)≠g(a); liaison all different. Raw counts, unweighted.",
  source: "Gould & Fernandez (1989); raw counts as UCINET / statnet `brokerage`.",
  returns:
    "`value`: total brokered two-paths (a true 0 when none); `byMember`: a member's total (null without a value); `details.byMember[m]`: counts per role; `details.totals`: per role.",
  reading:
    '"120 brokered paths, 70 of them liaison: many connections between two sectors pass through someone from a third." A member\'s counts describe the kind of bridge they are.',
  compute: (snapshot, options) => brokerageResult(snapshot.graph, options.attribute),
};
