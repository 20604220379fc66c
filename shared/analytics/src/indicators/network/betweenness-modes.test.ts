import { describe, expect, it } from "vitest";
import { brandesBetweenness } from "../../compact/brandes.js";
import { compactGraph } from "../../compact/compact-graph.js";
import { mulberry32 } from "../../compact/random.js";
import { defaultIndicatorOptions } from "../indicator.js";
import { graphOf, snapshotOf } from "../testing/snapshot.js";
import {
  type BetweennessPolicy,
  betweennessIndicator,
  betweennessResult,
  defaultBetweennessPolicy,
} from "./betweenness.js";

// Exact or estimated, said in `details`: below the cost limit (every oracle graph) exact; past it
// the sampled estimate with its bound, unless `exact` is asked. A policy with a limit of 0 and a
// loose bound stands in for a large community, so the test stays small.

function randomGraph(n: number, p: number, seed: number) {
  const random = mulberry32(seed);
  const members = Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}`, {}]));
  const arcs: [string, string][] = [];
  for (let from = 0; from < n; from++)
    for (let to = 0; to < n; to++) if (to !== from && random() < p) arcs.push([`m${from}`, `m${to}`]);
  return graphOf({ members, arcs });
}

const everyGraphIsLarge: BetweennessPolicy = { exactCostLimit: 0, bound: { epsilon: 0.2, delta: 0.1 } };
const graph = randomGraph(200, 0.02, 3);
const exact = (() => {
  const compact = compactGraph(graph);
  const values = brandesBetweenness(compact);
  return Object.fromEntries(compact.ids.map((id, i) => [id, values[i] as number]));
})();

describe("network.betweenness, exact or estimated", () => {
  it("puts the limit between the 2,000-member / 50,000-tie community and the 10,000-member one", () => {
    const cost = (n: number, m: number) => n * (n + m);
    expect(cost(2000, 50_000)).toBeLessThanOrEqual(defaultBetweennessPolicy.exactCostLimit);
    expect(cost(10_000, 50_000)).toBeGreaterThan(defaultBetweennessPolicy.exactCostLimit);
  });

  it("is exact, with no mode in details, below the limit", () => {
    const result = betweennessIndicator.compute(snapshotOf(graph), defaultIndicatorOptions);
    expect(result.byMember).toEqual(exact);
    expect(result.details).toEqual({ mean: expect.any(Number) });
  });

  it("past the limit, says it estimated and with which bound, and stays within ε of exact", () => {
    const result = betweennessResult(graph, defaultIndicatorOptions, everyGraphIsLarge);
    const details = result.details as Record<string, unknown>;
    expect(details).toMatchObject({ mode: "approximate", epsilon: 0.2, delta: 0.1 });
    expect(details.samples).toBeGreaterThan(0);
    expect(details.samples).toBeLessThan(2 * 200);
    expect(details.vertexDiameterBound).toBeGreaterThanOrEqual(3);
    for (const [id, value] of Object.entries(result.byMember ?? {}))
      expect(Math.abs((value as number) - (exact[id] as number)), id).toBeLessThanOrEqual(0.2);
    expect(result.value).toBe(Math.max(...Object.values(result.byMember ?? {}).map(Number)));
  });

  it("follows the seed, and gives the same estimate for the same seed", () => {
    const one = betweennessResult(graph, { ...defaultIndicatorOptions, seed: 1 }, everyGraphIsLarge);
    expect(betweennessResult(graph, { ...defaultIndicatorOptions, seed: 1 }, everyGraphIsLarge)).toEqual(one);
    expect(betweennessResult(graph, { ...defaultIndicatorOptions, seed: 2 }, everyGraphIsLarge).byMember).not.toEqual(
      one.byMember,
    );
  });

  it("is exact past the limit when `exact` is asked, or when the estimate would need 2N samples", () => {
    const forced = betweennessResult(graph, { ...defaultIndicatorOptions, exact: true }, everyGraphIsLarge);
    expect(forced.byMember).toEqual(exact);
    expect(forced.details).toEqual({ mean: expect.any(Number) });
    const tight = { exactCostLimit: 0, bound: { epsilon: 0.01, delta: 0.05 } };
    expect(betweennessResult(graph, defaultIndicatorOptions, tight).byMember).toEqual(exact);
  });
});
