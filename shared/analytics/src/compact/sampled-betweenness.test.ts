import { describe, expect, it } from "vitest";
import { karate, krackhardt } from "../indicators/testing/datasets.js";
import { brandesBetweenness } from "./brandes.js";
import { type CompactGraph, compactGraph } from "./compact-graph.js";
import { mulberry32 } from "./random.js";
import { type SamplingBound, sampleCount, sampledBetweenness, samplingPlan } from "./sampled-betweenness.js";
import { compactOf } from "./vertex-test-graph.js";

// The estimate against exact Brandes where exact is cheap: over 40 seeds, the largest error of
// any member stays within ε in at least (1 − δ) of the runs, on random graphs and published data.

const RUNS = 40;

/** A random directed graph: each ordered pair is an arc with probability p. */
function randomGraph(n: number, p: number, seed: number): CompactGraph {
  const random = mulberry32(seed);
  const arcs: [number, number][] = [];
  for (let from = 0; from < n; from++)
    for (let to = 0; to < n; to++) if (to !== from && random() < p) arcs.push([from, to]);
  return compactOf(n, arcs);
}

const estimate = (graph: CompactGraph, bound: SamplingBound, seed: number) =>
  sampledBetweenness(graph, samplingPlan(graph, bound), seed);

const largestError = (estimate: Float64Array, exact: Float64Array) =>
  estimate.reduce((worst, value, i) => Math.max(worst, Math.abs(value - (exact[i] as number))), 0);

/**
 * Runs (seeds 1..RUNS) whose largest error exceeds ε, the largest error seen, and the largest
 * error of the runs' mean (an unbiased estimator's mean sits far closer than any one run).
 */
function errorsOver(graph: CompactGraph, epsilon: number, delta: number) {
  const exact = brandesBetweenness(graph);
  const mean = new Float64Array(exact.length);
  let failures = 0;
  let worst = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const { values } = estimate(graph, { epsilon, delta }, seed);
    const error = largestError(values, exact);
    if (error > epsilon) failures++;
    worst = Math.max(worst, error);
    values.forEach((value, i) => {
      mean[i] = (mean[i] as number) + value / RUNS;
    });
  }
  return { failures, worst, meanError: largestError(mean, exact) };
}

describe("sampleCount", () => {
  it("is r = ⌈(c/ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ with ε' = ε(N − 2)/N, counted by hand", () => {
    // N = 102, ε = 0.102: ε' = 0.1; VD = 10: ⌊log₂ 8⌋ + 1 = 4; 0.5/0.01 · (4 + ln 10) = 315.13…
    expect(sampleCount({ epsilon: 0.102, delta: 0.1 }, 102, 10)).toBe(316);
    // VD = 11: ⌊log₂ 9⌋ + 1 is still 4.
    expect(sampleCount({ epsilon: 0.102, delta: 0.1 }, 102, 11)).toBe(316);
  });

  it("needs no sample when no shortest path has an inside, and refuses bounds outside (0, 1)", () => {
    expect(sampleCount({ epsilon: 0.01, delta: 0.1 }, 1000, 2)).toBe(0);
    expect(sampleCount({ epsilon: 0.01, delta: 0.1 }, 2, 5)).toBe(0);
    for (const bound of [
      { epsilon: 0, delta: 0.1 },
      { epsilon: 1, delta: 0.1 },
      { epsilon: 0.1, delta: 0 },
      { epsilon: Number.NaN, delta: 0.1 },
    ]) {
      expect(() => sampleCount(bound, 100, 10)).toThrow(RangeError);
    }
  });
});

describe("sampledBetweenness", () => {
  it("estimates on networkx's scale: the middle of a → b → c near 0.5, the leaves 0", () => {
    const path: CompactGraph = {
      ids: ["a", "b", "c"],
      offsets: Int32Array.of(0, 1, 2, 2),
      targets: Int32Array.of(1, 2),
    };
    const { values, samples } = estimate(path, { epsilon: 0.05, delta: 0.1 }, 7);
    expect(samples).toBeGreaterThan(0);
    expect(values[0]).toBe(0);
    expect(values[2]).toBe(0);
    expect(Math.abs((values[1] as number) - 0.5)).toBeLessThanOrEqual(0.05);
  });

  it("is 0 everywhere, with no sample, when every shortest path has at most two members", () => {
    // A star whose arcs all leave the centre: VD = 2.
    const star: CompactGraph = {
      ids: ["c", "a", "b", "d"],
      offsets: Int32Array.of(0, 3, 3, 3, 3),
      targets: Int32Array.of(1, 2, 3),
    };
    expect(estimate(star, { epsilon: 0.05, delta: 0.1 }, 1)).toEqual({
      values: new Float64Array(4),
      samples: 0,
      vertexDiameter: 2,
    });
  });

  it("gives the same values for the same seed and other values for another", () => {
    const graph = randomGraph(30, 0.1, 5);
    const bound = { epsilon: 0.1, delta: 0.1 };
    expect(estimate(graph, bound, 3)).toEqual(estimate(graph, bound, 3));
    expect(estimate(graph, bound, 3).values).not.toEqual(estimate(graph, bound, 4).values);
  });

  it.each([
    { n: 30, p: 0.05, seed: 11 },
    { n: 40, p: 0.08, seed: 12 },
    { n: 60, p: 0.03, seed: 13 },
    { n: 60, p: 0.2, seed: 14 },
  ])("stays within ε = 0.05 of Brandes in ≥ 90 % of 40 runs, δ = 0.1 (random graph n $n, p $p)", ({ n, p, seed }) => {
    const { failures, worst, meanError } = errorsOver(randomGraph(n, p, seed), 0.05, 0.1);
    expect(failures).toBeLessThanOrEqual(RUNS * 0.1);
    expect(meanError).toBeLessThanOrEqual(0.05 / 4);
    // It does sample: the estimate is not the exact value by construction.
    expect(worst).toBeGreaterThan(0);
  });

  it.each([
    { name: "Krackhardt advice", graph: () => compactGraph(krackhardt("advice").graph), epsilon: 0.03 },
    { name: "Krackhardt friendship", graph: () => compactGraph(krackhardt("friendship").graph), epsilon: 0.05 },
    { name: "Zachary karate", graph: () => compactGraph(karate().graph), epsilon: 0.05 },
  ])("stays within ε = $epsilon of Brandes in ≥ 95 % of 40 runs, δ = 0.05 ($name)", ({ graph, epsilon }) => {
    const { failures, worst, meanError } = errorsOver(graph(), epsilon, 0.05);
    expect(failures).toBeLessThanOrEqual(RUNS * 0.05);
    expect(meanError).toBeLessThanOrEqual(epsilon / 4);
    expect(worst).toBeGreaterThan(0);
  });
});
