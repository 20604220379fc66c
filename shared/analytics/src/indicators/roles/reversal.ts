// The null model: a dyad is reversed exactly when it has arcs both ways and they do not all share one
// instant, so shuffling times, or directions keeping each dyad's count per direction, would leave
// the value unchanged; hence the independent directions. Under them a dyad with k arcs at two or
// more instants is reversed exactly when both directions occur, with probability q = 1 − 2^(1−k)
// (0 for arcs all at one instant), independently across dyads; each permutation draws that event
// per dyad (the same distribution as drawing every arc's direction, at a cost per dyad, not arc).
// details.expected: the exact mean of the null, Σ_dyads q / dyads.
// The dyads are read from the snapshot's compact episodes: compact/flow-dyads.ts.
import { compactEpisodesOf } from "../../compact/episodes.js";
import { flowDyadsOf } from "../../compact/flow-dyads.js";
import { mulberry32 } from "../../compact/random.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { permutationCount } from "./options.js";
import { summariseNull } from "./permutation.js";

/** Per member, in order of its first dyad: the share of its dyads that are reversed. */
function shareByMember(ids: readonly string[], dyads: ReturnType<typeof flowDyadsOf>): Record<string, Value> {
  const reversed = new Int32Array(ids.length);
  const total = new Int32Array(ids.length);
  const listed: number[] = [];
  for (let d = 0; d < dyads.a.length; d++) {
    for (const m of [dyads.a[d]!, dyads.b[d]!]) {
      if (total[m] === 0) listed.push(m);
      reversed[m]! += dyads.reversed[d]!;
      total[m]!++;
    }
  }
  const byMember: Record<string, Value> = {};
  for (const m of listed) byMember[ids[m]!] = reversed[m]! / total[m]!;
  return byMember;
}

export function computeReversal(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const permutations = permutationCount(options);
  const episodes = compactEpisodesOf(snapshot);
  const dyads = flowDyadsOf(episodes);
  const count = dyads.a.length;
  let reversed = 0;
  let arcs = 0;
  for (let d = 0; d < count; d++) {
    reversed += dyads.reversed[d]!;
    arcs += dyads.arcs[d]!;
  }
  const value = count === 0 ? null : reversed / count;
  // Dyads whose arcs share one instant can never reverse: the null skips them.
  const chances: number[] = [];
  for (let d = 0; d < count; d++) if (dyads.spread[d]) chances.push(1 - 2 ** (1 - dyads.arcs[d]!));
  const q = Float64Array.from(chances);
  const random = mulberry32(options.seed);
  const samples: Value[] = [];
  for (let s = 0; s < permutations && value !== null; s++) samples.push(random.successes(q) / count);
  const expected = chances.reduce((sum, chance) => sum + chance, 0);
  const { baseline, p, z } = summariseNull(value, samples);
  return {
    value,
    baseline,
    p,
    z,
    byMember: shareByMember(episodes.ids, dyads),
    details: {
      dyads: count,
      reversed,
      arcs,
      expected: count === 0 ? null : expected / count,
      permutations: samples.length,
    },
  };
}

export const reversalIndicator: Indicator = {
  id: "roles.reversal",
  version: 1,
  title: "Dyadic role reversal",
  unit: "share",
  options: ["seed", "permutations"],
  formula:
    "a dyad {A, B} with giver→receiver arcs is reversed when it has A→B at t₁ and B→A at t₂ > t₁ (either way round; arcs at one instant never reverse). `value = reversed dyads / dyads with an arc`.",
  source: "copgraph's own definition.",
  baseline:
    "seeded null (`permutations` draws): each arc keeps its dyad and time and gets a random direction; a dyad with k arcs at ≥ 2 instants is then reversed with probability `1 − 2^(1−k)`. `baseline` = mean of the draws; `details.expected` the exact mean.",
  returns:
    "`value` in [0, 1], null without arcs; `baseline`, `p`, `z` (null with `permutations` = 0); `byMember`: the share over the dyads a member is in; `details`: `dyads`, `reversed`, `arcs`, `expected`, `permutations`.",
  reading:
    '"0.15 with a baseline of 0.3: in 15% of the pairs where one led or helped the other, the roles later reversed, half what random directions would give: help tends to keep one direction."',
  differsFromMetrics:
    "which proposed shuffling timestamps or directions within dyads: both leave the value unchanged, hence independent random directions.",
  compute: computeReversal,
};
