// Giver→receiver pairs: facts.ts.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { groupSizes, groupsOf } from "../support/graph.js";
import { mulberry32, shuffleInPlace } from "../support/random.js";
import { episodesOf, forEachFlowArc } from "./facts.js";
import { permutationCount } from "./options.js";
import { summariseNull } from "./permutation.js";

const eiOf = (external: number, internal: number): Value =>
  external + internal === 0 ? null : (external - internal) / (external + internal);

export function computeEiFlow(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const permutations = permutationCount(options);
  const groups = groupsOf(snapshot.graph, options.attribute);
  const members = [...groups.keys()];
  const index = new Map(members.map((m, i) => [m, i]));
  // Distinct pairs of members with a value, as member indices (giver at 2k, receiver at 2k + 1).
  const ends: number[] = [];
  const seen = new Set<number>();
  for (const episode of episodesOf(snapshot)) {
    forEachFlowArc(episode.members, episode.classes, (giver, receiver) => {
      const g = index.get(giver);
      const r = index.get(receiver);
      if (g === undefined || r === undefined || seen.has(g * members.length + r)) return;
      seen.add(g * members.length + r);
      ends.push(g, r);
    });
  }
  const pairs = Int32Array.from(ends);
  const count = pairs.length / 2;
  const labels = members.map((m) => groups.get(m)!);
  const groupCode = new Map([...new Set(labels)].map((label, i) => [label, i]));
  const externalOf = (of: Int32Array) => {
    let external = 0;
    for (let k = 0; k < pairs.length; k += 2) if (of[pairs[k]!] !== of[pairs[k + 1]!]) external++;
    return external;
  };
  const codes = Int32Array.from(labels, (label) => groupCode.get(label)!);
  const external = externalOf(codes);
  const value = eiOf(external, count - external);
  const perGroup = new Map<string, [external: number, internal: number]>();
  for (let k = 0; k < pairs.length; k += 2) {
    const a = labels[pairs[k]!]!;
    const b = labels[pairs[k + 1]!]!;
    for (const group of a === b ? [a] : [a, b]) {
      const counts = perGroup.get(group) ?? [0, 0];
      counts[a === b ? 1 : 0]++;
      perGroup.set(group, counts);
    }
  }
  const byGroup: Record<string, Value> = {};
  for (const [group, [e, i]] of [...perGroup].sort(([a], [b]) => (a < b ? -1 : 1))) byGroup[group] = eiOf(e, i);
  const n = members.length;
  let within = 0;
  for (const size of groupSizes(groups).values()) within += size * (size - 1);
  const baseline = n < 2 ? null : 1 - (2 * within) / (n * (n - 1));
  const random = mulberry32(options.seed);
  const shuffled = Int32Array.from(codes);
  const samples: Value[] = [];
  for (let s = 0; s < permutations && value !== null; s++) {
    shuffleInPlace(shuffled, random);
    const e = externalOf(shuffled);
    samples.push(eiOf(e, count - e));
  }
  const { p, z } = summariseNull(value, samples);
  return {
    value,
    baseline,
    p,
    z,
    byGroup,
    details: { pairs: count, external, internal: count - external, attribute: options.attribute },
  };
}

export const eiFlowIndicator: Indicator = {
  id: "roles.ei_flow",
  version: 1,
  title: "E-I index of knowledge flows",
  unit: "index",
  options: ["attribute", "seed", "permutations"],
  formula:
    "`EI = (E − I)/(E + I)` over the **distinct** ordered (giver, receiver) pairs of the window, both members in the graph with a value for `attribute` (default sector).",
  source: "copgraph's own definition, after Krackhardt & Stern (1988).",
  baseline:
    "`1 − 2 π_in` over the graph's members with a value (as `silo.ei`), null when N < 2; `p`, `z`: seeded label permutation, pairs fixed, two-sided.",
  returns:
    "`value` in [−1, 1], null without pairs; `byGroup`: E-I over pairs with at least one end in the group (groups with pairs only); `details`: `pairs`, `external`, `internal`, `attribute`.",
  reading:
    '"−0.4 with a baseline of 0.2: knowledge flows mostly within sectors, though the mix of members would let it cross far more often."',
  differsFromMetrics: "counts distinct pairs (not every arc) and any attribute, and includes directed interactions.",
  compute: computeEiFlow,
};
