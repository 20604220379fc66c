// Itinerant is also called consultant. Two-paths touching a member without a value are not counted.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { groupsOf } from "../support/graph.js";

export const brokerageRoles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"] as const;
export type BrokerageRole = (typeof brokerageRoles)[number];
export type BrokerageCounts = Record<BrokerageRole, number>;

function zero(): BrokerageCounts {
  return { coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0 };
}

export function roleOf(a: string, b: string, c: string): BrokerageRole {
  if (a === b) return b === c ? "coordinator" : "representative";
  if (a === c) return "itinerant";
  return b === c ? "gatekeeper" : "liaison";
}

export function brokerage(graph: CommunityGraph, attribute: string): Record<string, BrokerageCounts> {
  const groups = groupsOf(graph, attribute);
  const result: Record<string, BrokerageCounts> = {};
  for (const [broker, gb] of groups) {
    const counts = zero();
    result[broker] = counts;
    graph.forEachInNeighbor(broker, (a) => {
      const ga = groups.get(a);
      if (a === broker || ga === undefined) return;
      graph.forEachOutNeighbor(broker, (c) => {
        const gc = groups.get(c);
        if (c === broker || c === a || gc === undefined || graph.hasDirectedEdge(a, c)) return;
        counts[roleOf(ga, gb, gc)]++;
      });
    });
  }
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
