// Giver→receiver pairs: facts.ts, read from the snapshot's compact episodes and their dyads.
import { compactEpisodesOf } from "../../compact/episodes.js";
import { BACKWARD, FORWARD, flowDyadsOf } from "../../compact/flow-dyads.js";
import { groupCodesOf } from "../../compact/group-codes.js";
import { memberIndexOf } from "../../compact/member-index.js";
import { mulberry32 } from "../../compact/random.js";
import { pairsByFirst, relabelledSameLabelPairs, sameLabelPairs } from "../../compact/same-label-pairs.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { permutationCount } from "./options.js";
import { summariseNull } from "./permutation.js";

const eiOf = (external: number, internal: number): Value =>
  external + internal === 0 ? null : (external - internal) / (external + internal);

interface LabelledPairs {
  /** The group code of each member with a value (valued members in graph order). */
  readonly codes: Int32Array;
  readonly labels: readonly string[];
  /** Distinct (giver, receiver) pairs of valued members, giver at 2k, receiver at 2k + 1. */
  readonly pairs: Int32Array;
}

function labelledPairs(snapshot: CommunitySnapshot, attribute: string): LabelledPairs {
  const groups = groupCodesOf(snapshot.graph, attribute);
  const { index } = memberIndexOf(snapshot.graph);
  // Graph member → position among the valued members, −1 without a value.
  const valued = new Int32Array(groups.codes.length).fill(-1);
  const codes: number[] = [];
  groups.codes.forEach((code, i) => {
    if (code < 0) return;
    valued[i] = codes.length;
    codes.push(code);
  });
  const episodes = compactEpisodesOf(snapshot);
  const position = Int32Array.from(episodes.ids, (id) => {
    const i = index.get(id);
    return i === undefined ? -1 : valued[i]!;
  });
  // Distinct ordered pairs: the directions in which each giver→receiver dyad has arcs.
  const dyads = flowDyadsOf(episodes);
  const ends: number[] = [];
  for (let d = 0; d < dyads.a.length; d++) {
    const a = position[dyads.a[d]!]!;
    const b = position[dyads.b[d]!]!;
    if (a < 0 || b < 0) continue;
    if (dyads.ways[d]! & FORWARD) ends.push(a, b);
    if (dyads.ways[d]! & BACKWARD) ends.push(b, a);
  }
  return { codes: Int32Array.from(codes), labels: groups.labels, pairs: Int32Array.from(ends) };
}

export function computeEiFlow(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const permutations = permutationCount(options);
  const { codes, labels, pairs } = labelledPairs(snapshot, options.attribute);
  const count = pairs.length / 2;
  const byGiver = pairsByFirst(
    codes.length,
    pairs.filter((_, k) => k % 2 === 0),
    pairs.filter((_, k) => k % 2 === 1),
  );
  const externalOf = (of: Int32Array) => count - sameLabelPairs(byGiver, of);
  const external = externalOf(codes);
  const value = eiOf(external, count - external);
  const split = new Int32Array(2 * labels.length);
  for (let k = 0; k < pairs.length; k += 2) {
    const a = codes[pairs[k]!]!;
    const b = codes[pairs[k + 1]!]!;
    if (a === b) split[2 * a + 1]!++;
    else {
      split[2 * a]!++;
      split[2 * b]!++;
    }
  }
  const byGroup: Record<string, Value> = {};
  const present = labels.map((_, code) => code).filter((code) => split[2 * code]! + split[2 * code + 1]! > 0);
  for (const code of present.sort((a, b) => (labels[a]! < labels[b]! ? -1 : 1))) {
    byGroup[labels[code]!] = eiOf(split[2 * code]!, split[2 * code + 1]!);
  }
  const n = codes.length;
  const sizes = new Int32Array(labels.length);
  for (const code of codes) sizes[code]!++;
  let within = 0;
  for (const size of sizes) within += size * (size - 1);
  const baseline = n < 2 ? null : 1 - (2 * within) / (n * (n - 1));
  const random = mulberry32(options.seed);
  const same = relabelledSameLabelPairs(byGiver, Int32Array.from(codes), value === null ? 0 : permutations, (labels) =>
    random.shuffle(labels),
  );
  const samples = Array.from(same, (internal) => eiOf(count - internal, internal));
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
