// Self-loops do not change shortest paths.
import { brandesBetweenness } from "../../compact/brandes.js";
import { type CompactGraph, compactGraphOf } from "../../compact/compact-graph.js";
import { type SamplingBound, sampledBetweenness, samplingPlan } from "../../compact/sampled-betweenness.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { meanOf } from "../support/graph.js";

/**
 * When betweenness is estimated rather than exact. Exact Brandes costs about N·(N + M) steps (a
 * search from every member and a pass back); 2,000 members with 50,000 ties is 1.04·10⁸, about
 * 0.7 s on a 2-core machine, 10,000 with 50,000 is 6·10⁸, about 9 s.
 */
export interface BetweennessPolicy {
  /** Past this N·(N + M), the estimate is the default. */
  readonly exactCostLimit: number;
  /** The estimate's bound: every member within ε of exact, all at once, with probability 1 − δ. */
  readonly bound: SamplingBound;
}

export const defaultBetweennessPolicy: BetweennessPolicy = {
  exactCostLimit: 3e8,
  bound: { epsilon: 0.02, delta: 0.05 },
};

/** How the values were computed, as the answer's `details` says it (nothing added when exact). */
interface Approximation {
  readonly mode: "approximate";
  readonly epsilon: number;
  readonly delta: number;
  readonly samples: number;
  readonly vertexDiameterBound: number;
}

interface Computed {
  readonly byMember: Record<string, Value>;
  readonly approximation?: Approximation;
}

type ModeOptions = Pick<IndicatorOptions, "exact" | "seed">;

/**
 * Exact unless the graph is past the cost limit and `exact` is not asked. Even then exact when
 * the estimate needs r ≥ 2N samples: a sample reads each arc at most once from each side (usually
 * far fewer: its two searches meet halfway), exact reads each twice per member, so the estimate's
 * worst case would then cost about as much as exact, which has no error.
 */
function computeBetweenness(graph: CommunityGraph, options: ModeOptions, policy: BetweennessPolicy): Computed {
  if (graph.order < 3) return { byMember: Object.fromEntries(graph.nodes().map((node) => [node, null])) };
  const compact = compactGraphOf(graph);
  const n = compact.ids.length;
  if (options.exact !== true && n * (n + compact.targets.length) > policy.exactCostLimit) {
    const plan = samplingPlan(compact, policy.bound);
    if (plan.samples < 2 * n) {
      const sampled = sampledBetweenness(compact, plan, options.seed);
      const approximation: Approximation = {
        mode: "approximate",
        ...policy.bound,
        samples: plan.samples,
        vertexDiameterBound: plan.vertexDiameter,
      };
      return { byMember: byId(compact, sampled.values), approximation };
    }
  }
  return { byMember: byId(compact, brandesBetweenness(compact)) };
}

const byId = (compact: CompactGraph, values: Float64Array): Record<string, Value> =>
  Object.fromEntries(compact.ids.map((id, i) => [id, values[i] as number]));

/** Betweenness per member: exact, or the sampled estimate on a graph past the policy's cost limit. */
export function betweenness(
  graph: CommunityGraph,
  options: ModeOptions = { exact: true, seed: 1 },
  policy = defaultBetweennessPolicy,
): Record<string, Value> {
  return computeBetweenness(graph, options, policy).byMember;
}

export function betweennessResult(
  graph: CommunityGraph,
  options: ModeOptions = { exact: true, seed: 1 },
  policy = defaultBetweennessPolicy,
): IndicatorResult {
  const { byMember, approximation } = computeBetweenness(graph, options, policy);
  const values = Object.values(byMember).filter((v): v is number => v !== null);
  if (values.length === 0) return { value: null, byMember, details: { mean: null } };
  const max = values.reduce((a, b) => Math.max(a, b));
  return { value: max, byMember, details: { mean: meanOf(values), ...approximation } };
}

export const betweennessIndicator: Indicator = {
  id: "network.betweenness",
  version: 1,
  title: "Betweenness (max)",
  unit: "index",
  // `exact` changes it too (a query option every indicator gets; not yet an IndicatorOptionName).
  options: ["seed", "exact"],
  formula:
    "`c_B(v) = Σ_{s≠v≠t} σ_st(v)/σ_st / ((N − 1)(N − 2))`, σ_st the number of shortest directed paths s → t, σ_st(v) those through v; directed, unweighted. Exact (Brandes) while N·(N + M) ≤ 3·10⁸ (M arcs; about 2 s) or with `exact`; past it, estimated from r sampled shortest paths: r = ⌈(0.5/ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ with ε = 0.02, δ = 0.05, ε' = ε(N − 2)/N and VD an upper bound on the most members on a shortest path (strong components, two searches each). Exact still when r ≥ 2N (the estimate could cost about as much). Each sample: a random pair and one of its shortest paths drawn uniformly by a bidirectional search.",
  source:
    "Freeman (1977), Brandes (2001) algorithm over typed arrays; = networkx `betweenness_centrality(G)` on a DiGraph. Estimate: Riondato & Kornaropoulos (2016), Data Min. Knowl. Disc. 30(2).",
  returns:
    '`byMember`: c_B per member, in [0, 1]; `value`: the maximum over members; `details.mean`. All null when N < 3. When estimated, `details` also has `mode: "approximate"`, `epsilon`, `delta`, `samples` and `vertexDiameterBound`: with probability ≥ 1 − δ every member\'s value is within ε of the exact one (the maximum too); without `mode` every value is exact. Seeded by `seed`. No list of "top" members: the values describe positions, they do not rank people.',
  reading:
    '"0.45: one position lies on almost half of the shortest paths between other members; connections between parts of the community run through very few people." A member\'s value says how much they bridge, not how much they are worth. An estimated value is within 0.02 of the exact one (at 95 % confidence): it tells the strong bridges from the rest, not one small value from another.',
  compute: (snapshot, options) => betweennessResult(snapshot.graph, options),
};
