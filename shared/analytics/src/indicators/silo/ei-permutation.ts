// Label-permutation test of the E-I index (UCINET's practice; Krackhardt & Stern 1988), shared
// by silo.ei_p and silo.ei_z. The arcs stay fixed; the attribute values are shuffled among the
// members that have one (Fisher–Yates, mulberry32(seed)); EI is recomputed R times.
//   p = (1 + #{r : EI_r ≤ EI_obs}) / (R + 1)   ONE-SIDED, toward silo (lower EI); the +1 counts
//       the observed labelling as one permutation, so p is never 0 (Phipson & Smyth 2010).
//   z = (EI_obs − mean_r EI_r) / sd_r EI_r     (sample sd, R − 1)
// E + I is the same in every permutation, so EI_r ≤ EI_obs ⇔ I_r ≥ I_obs (compared exactly).
// Over typed arrays: labels and arcs as integers (compact/same-label-pairs.ts).
// Null: everything when there is no tie between members with values; p and z when R < 1;
// z when R < 2 or every permutation gives the same EI (sd = 0).
import { arcListOf } from "../../compact/arc-list.js";
import { groupSizesOf } from "../../compact/group-arcs.js";
import { groupCodesOf } from "../../compact/group-codes.js";
import { mulberry32 } from "../../compact/random.js";
import { pairsByFirst, relabelledSameLabelPairs, sameLabelPairs } from "../../compact/same-label-pairs.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Value } from "../indicator.js";
import { eiOf, withinPairShareOfSizes } from "./ei-counts.js";

export interface EiPermutationTest {
  readonly observed: Value;
  readonly expected: Value;
  readonly permutations: number;
  readonly tail: "lower";
  readonly mean: Value;
  readonly sd: Value;
  readonly p: Value;
  readonly z: Value;
}

// silo.ei_p and silo.ei_z read the same test: run it once per (graph, attribute, seed, R).
// Snapshot graphs are never changed after projection, so a graph-keyed memo stays valid.
const memo = new WeakMap<CommunityGraph, Map<string, EiPermutationTest>>();

export function eiPermutationTest(
  graph: CommunityGraph,
  attribute: string,
  seed: number,
  permutations: number,
): EiPermutationTest {
  let tests = memo.get(graph);
  if (!tests) {
    tests = new Map();
    memo.set(graph, tests);
  }
  const key = `${attribute}\u0000${seed}\u0000${permutations}`;
  const known = tests.get(key);
  if (known) return known;
  const test = runPermutationTest(graph, attribute, seed, permutations);
  tests.set(key, test);
  return test;
}

/** Arcs between members with a value, as positions among those members, and their group codes. */
function valuedArcs(graph: CommunityGraph, attribute: string) {
  const { codes } = groupCodesOf(graph, attribute);
  const position = new Int32Array(codes.length).fill(-1);
  const labels: number[] = [];
  codes.forEach((code, i) => {
    if (code < 0) return;
    position[i] = labels.length;
    labels.push(code);
  });
  const arcs = arcListOf(graph);
  const sources: number[] = [];
  const targets: number[] = [];
  for (let k = 0; k < arcs.sources.length; k++) {
    const s = position[arcs.sources[k]!]!;
    const t = position[arcs.targets[k]!]!;
    if (s < 0 || t < 0) continue;
    sources.push(s);
    targets.push(t);
  }
  return {
    labels: Int32Array.from(labels),
    arcs: pairsByFirst(labels.length, sources, targets),
    total: sources.length,
  };
}

function runPermutationTest(
  graph: CommunityGraph,
  attribute: string,
  seed: number,
  permutations: number,
): EiPermutationTest {
  const { labels, arcs, total } = valuedArcs(graph, attribute);
  const internal = sameLabelPairs(arcs, labels);
  const observed = eiOf({ internal, external: total - internal });
  const piIn = withinPairShareOfSizes(groupSizesOf(groupCodesOf(graph, attribute)));
  const expected = piIn === null ? null : 1 - 2 * piIn;
  const r = Math.max(0, Math.floor(permutations));
  const none = { observed, expected, permutations: r, tail: "lower" as const, mean: null, sd: null, p: null, z: null };
  if (observed === null || r < 1) return none;

  const random = mulberry32(seed);
  let atLeastAsInternal = 0;
  // Welford's running mean and sum of squared deviations: exactly 0 when every EI is the same.
  let mean = 0;
  let squares = 0;
  const shuffled = relabelledSameLabelPairs(arcs, labels, r, (codes) => random.shuffle(codes));
  for (let k = 0; k < r; k++) {
    const same = shuffled[k]!;
    if (same >= internal) atLeastAsInternal++;
    const ei = (total - 2 * same) / total;
    const delta = ei - mean;
    mean += delta / (k + 1);
    squares += delta * (ei - mean);
  }
  const sd = r < 2 ? null : Math.sqrt(squares / (r - 1));
  const z = sd === null || sd === 0 ? null : (observed - mean) / sd;
  return { ...none, mean, sd, p: (1 + atLeastAsInternal) / (r + 1), z };
}
