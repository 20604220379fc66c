// Episodes and their giver→receiver arcs: facts.ts, read from the snapshot's compact episodes.
import { layerRank, type OccupationalLayer } from "@copgraph/domain";
import { compactEpisodesOf, GIVER, RECEIVER } from "../../compact/episodes.js";
import { mulberry32, shuffleInPlace } from "../../compact/random.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { permutationCount } from "./options.js";
import { summariseNull } from "./permutation.js";

const RANKS = 4;

/** Rank of each graph member with a ranked layer. */
export function ranksOf(snapshot: CommunitySnapshot): Map<string, number> {
  const ranks = new Map<string, number>();
  snapshot.graph.forEachNode((node, attributes) => {
    const layer = attributes.occupationalLayer as OccupationalLayer | undefined;
    const rank = layer === undefined ? undefined : layerRank(layer);
    if (typeof rank === "number") ranks.set(node, rank);
  });
  return ranks;
}

interface Counts {
  arcs: number;
  ranked: number;
  inverted: number;
}

const givers = new Int32Array(RANKS);
const receivers = new Int32Array(RANKS);

/**
 * Adds the arcs of the episode at [start, end): by rank, givers G[k] and receivers R[k]; inverted
 * Σ_{k<l} G[k]R[l].
 */
function addEpisode(ranks: Int8Array, classes: Uint8Array, start: number, end: number, counts: Counts): void {
  givers.fill(0);
  receivers.fill(0);
  let allGivers = 0;
  let allReceivers = 0;
  for (let i = start; i < end; i++) {
    const cls = classes[i];
    const rank = ranks[i]!;
    if (cls === GIVER) {
      allGivers++;
      if (rank >= 0) givers[rank]!++;
    } else if (cls === RECEIVER) {
      allReceivers++;
      if (rank >= 0) receivers[rank]!++;
    }
  }
  counts.arcs += allGivers * allReceivers;
  for (let k = 0; k < RANKS; k++) {
    for (let l = 0; l < RANKS; l++) {
      if (k === l) continue;
      const n = givers[k]! * receivers[l]!;
      counts.ranked += n;
      if (k < l) counts.inverted += n;
    }
  }
}

/** Heads in n fair coin flips, 32 per draw (the top 32 bits of each uniform float). */
function heads(n: number, random: () => number): number {
  let total = 0;
  for (let left = n; left > 0; left -= 32) {
    let bits = Math.floor(random() * 4294967296) >>> 0;
    if (left < 32) bits &= 2 ** left - 1;
    bits -= (bits >>> 1) & 0x55555555;
    bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
    total += (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return total;
}

/** Whether the episode at [start, end) has members of at least two ranks. */
function hasTwoRanks(ranks: Int8Array, start: number, end: number): boolean {
  let seen = -1;
  for (let i = start; i < end; i++) {
    const rank = ranks[i]!;
    if (rank < 0) continue;
    if (seen < 0) seen = rank;
    else if (rank !== seen) return true;
  }
  return false;
}

/** A giver and a receiver of two different ranks, alone in the episode at [start, end). */
function isCoin(ranks: Int8Array, classes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 2) return false;
  const a = classes[start];
  const b = classes[start + 1];
  return (
    ((a === GIVER && b === RECEIVER) || (a === RECEIVER && b === GIVER)) &&
    ranks[start]! >= 0 &&
    ranks[start + 1]! >= 0 &&
    ranks[start] !== ranks[start + 1]
  );
}

const shareOf = (c: Counts): Value => (c.ranked === 0 ? null : c.inverted / c.ranked);

export function computeHierarchyInversion(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const permutations = permutationCount(options);
  const memberRanks = ranksOf(snapshot);
  const compact = compactEpisodesOf(snapshot);
  const rankOf = Int8Array.from(compact.ids, (id) => memberRanks.get(id) ?? -1);
  const ranks = new Int8Array(compact.members.length);
  for (let p = 0; p < ranks.length; p++) ranks[p] = rankOf[compact.members[p]!]!;
  // One copy of the classes, which the null shuffles episode by episode in place.
  const classes = Uint8Array.from(compact.classes);
  const observed: Counts = { arcs: 0, ranked: 0, inverted: 0 };
  // Episodes with fewer than two distinct ranks never have a ranked arc, however roles are permuted.
  // A giver and a receiver of different ranks alone in an episode (most interactions): permuting
  // their two classes is a fair coin for which one gives, so such an episode always adds one ranked
  // arc, inverted with probability ½. Those are drawn as coin flips; the rest are permuted.
  let coins = 0;
  const permuted: { ranks: Int8Array; classes: Uint8Array }[] = [];
  for (let e = 0; e < compact.at.length; e++) {
    const start = compact.offsets[e]!;
    const end = compact.offsets[e + 1]!;
    addEpisode(ranks, classes, start, end, observed);
    if (!hasTwoRanks(ranks, start, end)) continue;
    if (isCoin(ranks, classes, start, end)) coins++;
    else permuted.push({ ranks: ranks.subarray(start, end), classes: classes.subarray(start, end) });
  }
  const value = shareOf(observed);
  const random = mulberry32(options.seed);
  const samples: Value[] = [];
  for (let s = 0; s < permutations && value !== null; s++) {
    const counts: Counts = { arcs: coins, ranked: coins, inverted: heads(coins, random) };
    for (const e of permuted) {
      shuffleInPlace(e.classes, random);
      addEpisode(e.ranks, e.classes, 0, e.ranks.length, counts);
    }
    samples.push(shareOf(counts));
  }
  const { baseline, p, z } = summariseNull(value, samples);
  return {
    value,
    baseline,
    p,
    z,
    details: {
      arcs: observed.arcs,
      rankedArcs: observed.ranked,
      invertedArcs: observed.inverted,
      difference: value === null || baseline === null ? null : value - baseline,
    },
  };
}

export const hierarchyInversionIndicator: Indicator = {
  id: "roles.hierarchy_inversion",
  version: 1,
  title: "Hierarchy inversion",
  unit: "share",
  options: ["seed", "permutations"],
  formula:
    "ranked arcs: giver→receiver arcs (one per pair per episode) whose members have different ranked occupational layers at `at` (student 0 < professional 1 < management 2 < director 3; `other` unranked). `value = arcs with rank(giver) < rank(receiver) / ranked arcs`. Always by `occupationalLayer`, whatever `attribute`.",
  source: "copgraph's own definition.",
  baseline:
    "seeded: the role classes of each episode are permuted among its participants (for a one-to-one interaction: a fair coin for who gives); `baseline` = mean of the permuted values.",
  returns:
    "`value` in [0, 1], null without ranked arcs; `baseline`, `p`, `z` (null with `permutations` = 0); `details`: `arcs`, `rankedArcs`, `invertedArcs`, `difference` (value − baseline).",
  reading:
    '"0.3 with a baseline of 0.5: in 30% of the giving across layers, the lower layer gave (a student led a session for directors); with roles shuffled within each gathering it would be half."',
  differsFromMetrics: "directed interactions count as episodes too, not gatherings only.",
  compute: computeHierarchyInversion,
};
