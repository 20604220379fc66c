import type { CompactGraph } from "./compact-graph.js";
import { mulberry32 } from "./random.js";
import { shortestPathSampler } from "./sampled-path.js";
import { vertexDiameterBound } from "./vertex-diameter.js";
import { reversedGraph } from "./vertex-in-arcs.js";

/**
 * Betweenness estimated from sampled shortest paths (Riondato & Kornaropoulos 2016, "Fast
 * approximation of betweenness centrality through sampling", Data Min. Knowl. Disc. 30(2)).
 * Each sample: a uniformly random ordered pair (s, t), s ≠ t, and one shortest s → t path chosen
 * uniformly among σ_st; every member inside the path scores. With r samples,
 *
 *   r = ⌈(c / ε'²) · (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉,  c = 0.5,
 *
 * with probability at least 1 − δ every member's estimate is within ε' of its betweenness
 * normalised by N(N − 1), the paper's scale. The values here are on networkx's directed scale,
 * ÷ (N − 1)(N − 2), which is N/(N − 2) times larger, so ε' = ε·(N − 2)/N: every returned value is
 * within ε of the exact (Brandes) value with probability at least 1 − δ, all members at once.
 * VD, the vertex diameter, is replaced by an upper bound (vertexDiameterBound): a larger VD only
 * adds samples, so the guarantee holds. Each path is drawn by a balanced bidirectional search
 * (sampled-path.ts) instead of the paper's one search from s: the same distribution over paths,
 * far fewer arcs read.
 */
export interface SampledBetweenness {
  /** Per member, in the graph's order, normalised by (N − 1)(N − 2). */
  readonly values: Float64Array;
  readonly samples: number;
  /** The upper bound on the vertex diameter the sample count was computed from. */
  readonly vertexDiameter: number;
}

export interface SamplingBound {
  /** Largest error of any member's value (absolute, on the normalised scale), in (0, 1). */
  readonly epsilon: number;
  /** Probability that some member's error exceeds ε, in (0, 1). */
  readonly delta: number;
}

/** c of the sample-size bound: the universal constant, ≈ 0.5 (Löffler & Phillips 2009), as the paper uses. */
export const SAMPLE_SIZE_CONSTANT = 0.5;

/** Samples for the (ε, δ) bound on a graph of N members whose vertex diameter is at most VD. */
export function sampleCount(bound: SamplingBound, members: number, vertexDiameter: number): number {
  const { epsilon, delta } = bound;
  if (!(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1))
    throw new RangeError("epsilon and delta must lie strictly between 0 and 1");
  // No shortest path has a member inside it: every betweenness is 0 and needs no sample.
  if (members < 3 || vertexDiameter < 3) return 0;
  const paperEpsilon = (epsilon * (members - 2)) / members;
  const dimension = Math.floor(Math.log2(vertexDiameter - 2)) + 1;
  return Math.ceil((SAMPLE_SIZE_CONSTANT / paperEpsilon ** 2) * (dimension + Math.log(1 / delta)));
}

/** What a run of the estimate needs, known before any sample is drawn: how many samples, and why. */
export interface SamplingPlan {
  readonly bound: SamplingBound;
  readonly samples: number;
  /** The upper bound on the vertex diameter the sample count comes from. */
  readonly vertexDiameter: number;
  /** The graph's arcs reversed, for walking paths back. */
  readonly reversed: CompactGraph;
}

/** The sample count for the bound on this graph: O(N + M), so a caller can choose exact instead. */
export function samplingPlan(graph: CompactGraph, bound: SamplingBound): SamplingPlan {
  const reversed = reversedGraph(graph);
  const vertexDiameter = vertexDiameterBound(graph, reversed);
  return { bound, samples: sampleCount(bound, graph.ids.length, vertexDiameter), vertexDiameter, reversed };
}

export function sampledBetweenness(graph: CompactGraph, plan: SamplingPlan, seed: number): SampledBetweenness {
  const n = graph.ids.length;
  const values = new Float64Array(n);
  const { samples, vertexDiameter } = plan;
  if (samples === 0) return { values, samples, vertexDiameter };
  const random = mulberry32(seed);
  const samplePath = shortestPathSampler(graph, plan.reversed);
  const hit = (inside: number) => {
    values[inside] = (values[inside] as number) + 1;
  };
  for (let sample = 0; sample < samples; sample++) {
    const source = Math.floor(random() * n);
    const drawn = Math.floor(random() * (n - 1));
    samplePath(source, drawn >= source ? drawn + 1 : drawn, random, hit);
  }
  // A hit counts 1/r on the paper's ÷ N(N − 1) scale; N(N − 1)/((N − 1)(N − 2)) = N/(N − 2).
  const scale = n / (n - 2) / samples;
  for (let i = 0; i < n; i++) values[i] = (values[i] as number) * scale;
  return { values, samples, vertexDiameter };
}
