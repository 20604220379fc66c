// roles.reversal, version 1 (copgraph's own definition): dyadic role reversal.
// Giver→receiver arcs: from each gathering, every (giver-class, receiver-class) pair of distinct
// participants at the gathering's time; from each directed interaction, source → each recipient.
// A dyad {A,B} is reversed when it has an arc A→B at t₁ and an arc B→A at t₂ > t₁ (either way
// round): the giver later received from the same person. Arcs at the same instant never reverse
// each other (neither comes first).
//   value = reversed dyads / dyads with at least one giver→receiver arc; null when there is none.
// byMember: the same share over the dyads a member is in.
// Baseline (seeded, options.permutations times): every arc keeps its dyad and time and gets a random
// direction (A→B or B→A, probability ½ each); baseline = mean of the value, p two-sided, z.
// Note: a dyad is reversed exactly when it has arcs both ways and they do not all share one
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
  title: "Dyadic role reversal (the giver later receives)",
  compute: computeReversal,
};
