// Episodes and their giver→receiver arcs: facts.ts.
import { layerRank, type OccupationalLayer } from "@copgraph/domain";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { mulberry32, shuffleInPlace } from "../support/random.js";
import { episodesOf } from "./facts.js";
import { permutationCount } from "./options.js";
import { summariseNull } from "./permutation.js";

const GIVER = 0;
const RECEIVER = 2;
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

/** Adds an episode's arcs: by rank, givers G[k] and receivers R[k]; inverted Σ_{k<l} G[k]R[l]. */
function addEpisode(ranks: Int8Array, classes: Uint8Array, counts: Counts): void {
  givers.fill(0);
  receivers.fill(0);
  let allGivers = 0;
  let allReceivers = 0;
  for (let i = 0; i < ranks.length; i++) {
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

const shareOf = (c: Counts): Value => (c.ranked === 0 ? null : c.inverted / c.ranked);

export function computeHierarchyInversion(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const permutations = permutationCount(options);
  const memberRanks = ranksOf(snapshot);
  const classCode = { giver: GIVER, peer: 1, receiver: RECEIVER } as const;
  const episodes = episodesOf(snapshot).map((e) => ({
    ranks: Int8Array.from(e.members, (m) => memberRanks.get(m) ?? -1),
    classes: Uint8Array.from(e.classes, (c) => classCode[c]),
  }));
  const observed: Counts = { arcs: 0, ranked: 0, inverted: 0 };
  for (const e of episodes) addEpisode(e.ranks, e.classes, observed);
  const value = shareOf(observed);
  // Episodes with fewer than two distinct ranks never have a ranked arc, however roles are permuted.
  // A giver and a receiver of different ranks alone in an episode (most interactions): permuting
  // their two classes is a fair coin for which one gives, so such an episode always adds one ranked
  // arc, inverted with probability ½. Those are drawn as coin flips; the rest are permuted.
  const isCoin = ({ ranks, classes }: { ranks: Int8Array; classes: Uint8Array }) =>
    ranks.length === 2 &&
    ((classes[0] === GIVER && classes[1] === RECEIVER) || (classes[0] === RECEIVER && classes[1] === GIVER)) &&
    ranks[0]! >= 0 &&
    ranks[1]! >= 0 &&
    ranks[0] !== ranks[1];
  const mixed = episodes.filter((e) => new Set(e.ranks.filter((rank) => rank >= 0)).size > 1);
  const coins = mixed.filter(isCoin).length;
  const permuted = mixed.filter((e) => !isCoin(e));
  const random = mulberry32(options.seed);
  const samples: Value[] = [];
  for (let s = 0; s < permutations && value !== null; s++) {
    const counts: Counts = { arcs: coins, ranked: coins, inverted: heads(coins, random) };
    for (const e of permuted) {
      shuffleInPlace(e.classes, random);
      addEpisode(e.ranks, e.classes, counts);
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
