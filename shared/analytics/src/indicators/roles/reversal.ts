// The null model: a dyad is reversed exactly when it has arcs both ways and they do not all share one
// instant, so shuffling times, or directions keeping each dyad's count per direction, would leave
// the value unchanged; hence the independent directions. Under them a dyad with k arcs at two or
// more instants is reversed exactly when both directions occur, with probability q = 1 − 2^(1−k)
// (0 for arcs all at one instant), independently across dyads; each permutation draws that event
// per dyad (the same distribution as drawing every arc's direction, at a cost per dyad, not arc).
// details.expected: the exact mean of the null, Σ_dyads q / dyads.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { mulberry32 } from "../support/random.js";
import { episodesOf, forEachFlowArc } from "./facts.js";
import { permutationCount } from "./options.js";
import { summariseNull } from "./permutation.js";

interface Dyad {
  readonly a: string;
  readonly b: string;
  /** Arc times, and whether each runs a → b (the lower id first). */
  readonly times: number[];
  readonly forward: boolean[];
}

/** Whether an arc in one direction comes strictly before one in the other. */
function isReversed(times: readonly number[], forward: (k: number) => boolean): boolean {
  let minF = Number.POSITIVE_INFINITY;
  let maxF = Number.NEGATIVE_INFINITY;
  let minB = Number.POSITIVE_INFINITY;
  let maxB = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    if (forward(k)) {
      if (t < minF) minF = t;
      if (t > maxF) maxF = t;
    } else {
      if (t < minB) minB = t;
      if (t > maxB) maxB = t;
    }
  }
  return minF < maxB || minB < maxF;
}

export function flowDyads(snapshot: CommunitySnapshot): Dyad[] {
  const dyads = new Map<string, Dyad>();
  for (const episode of episodesOf(snapshot)) {
    forEachFlowArc(episode.members, episode.classes, (giver, receiver) => {
      const [a, b] = giver < receiver ? [giver, receiver] : [receiver, giver];
      const key = `${a}\u0000${b}`;
      const dyad = dyads.get(key) ?? { a, b, times: [], forward: [] };
      dyads.set(key, dyad);
      dyad.times.push(episode.at);
      dyad.forward.push(giver === a);
    });
  }
  return [...dyads.values()];
}

export function computeReversal(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const permutations = permutationCount(options);
  const dyads = flowDyads(snapshot);
  const perMember = new Map<string, [reversed: number, dyads: number]>();
  let reversed = 0;
  for (const dyad of dyads) {
    const r = isReversed(dyad.times, (k) => dyad.forward[k]!);
    if (r) reversed++;
    for (const m of [dyad.a, dyad.b]) {
      const counts = perMember.get(m) ?? [0, 0];
      counts[0] += r ? 1 : 0;
      counts[1]++;
      perMember.set(m, counts);
    }
  }
  const value = dyads.length === 0 ? null : reversed / dyads.length;
  const byMember: Record<string, Value> = {};
  for (const [m, [r, n]] of perMember) byMember[m] = r / n;
  // Dyads whose arcs share one instant can never reverse: the null skips them.
  const chances = dyads
    .filter((d) => d.times.length > 1 && new Set(d.times).size > 1)
    .map((d) => 1 - 2 ** (1 - d.times.length));
  const random = mulberry32(options.seed);
  const samples: Value[] = [];
  for (let s = 0; s < permutations && value !== null; s++) {
    let count = 0;
    for (const q of chances) if (random() < q) count++;
    samples.push(count / dyads.length);
  }
  const expected = chances.reduce((sum, q) => sum + q, 0);
  const { baseline, p, z } = summariseNull(value, samples);
  return {
    value,
    baseline,
    p,
    z,
    byMember,
    details: {
      dyads: dyads.length,
      reversed,
      arcs: dyads.reduce((n, d) => n + d.times.length, 0),
      expected: dyads.length === 0 ? null : expected / dyads.length,
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
