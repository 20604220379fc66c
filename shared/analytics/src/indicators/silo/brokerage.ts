// silo.brokerage v1: Gould & Fernandez (1989) brokerage roles, counted over open two-paths
// a → b → c with a ≠ c and no arc a → c; b is the broker. With g(·) the attribute value:
//   coordinator     g(a) = g(b) = g(c)
//   itinerant       g(a) = g(c) ≠ g(b)          (consultant)
//   representative  g(a) = g(b) ≠ g(c)
//   gatekeeper      g(b) = g(c) ≠ g(a)
//   liaison         g(a), g(b), g(c) all different
// Unweighted, self-loops ignored; two-paths touching a member without a value are not counted.
// Raw counts, as UCINET / statnet `brokerage` report them (no normalisation).
// byMember: total brokered two-paths per member (null for members without a value).
// value: total over all members. details: { byMember: per-role counts, totals: per role }.
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
  compute: (snapshot, options) => brokerageResult(snapshot.graph, options.attribute),
};
