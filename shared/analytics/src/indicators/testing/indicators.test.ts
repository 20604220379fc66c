// The network, silo and diversity registries as a whole: stable ids, and on any graph every
// value is a finite number or null (never NaN), within its range.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diversityIndicators } from "../diversity/index.js";
import type { IndicatorResult } from "../indicator.js";
import { networkIndicators } from "../network/index.js";
import { eiResult } from "../silo/ei.js";
import { siloIndicators } from "../silo/index.js";
import { assertNoNaN } from "./close.js";
import { optionsFor, snapshotOf, type TestMember } from "./snapshot.js";

const all = [...networkIndicators, ...siloIndicators, ...diversityIndicators];

describe("indicator registries", () => {
  it("export the agreed ids, once each, versioned and titled", () => {
    expect(networkIndicators.map((i) => i.id)).toEqual([
      "network.members",
      "network.ties",
      "network.density",
      "network.components",
      "network.isolates",
      "network.betweenness",
      "network.louvain",
    ]);
    expect(siloIndicators.map((i) => i.id)).toEqual([
      "silo.ei",
      "silo.ei_expected",
      "silo.ei_p",
      "silo.ei_z",
      "silo.cross_share",
      "silo.assortativity",
      "silo.coleman",
      "silo.modularity",
      "silo.clusters",
      "silo.brokerage",
      "silo.constraint",
      "silo.effective_size",
    ]);
    expect(diversityIndicators.map((i) => i.id)).toEqual([
      "diversity.blau",
      "diversity.iqv",
      "diversity.shannon_evenness",
      "diversity.ego",
      "diversity.format",
    ]);
    for (const indicator of all) {
      expect(indicator.version).toBeGreaterThanOrEqual(1);
      expect(indicator.title).not.toBe("");
    }
  });
});

const sectors = ["education", "business", "health"] as const;
const graphs = fc
  .integer({ min: 0, max: 7 })
  .chain((n) =>
    fc.record({
      sectors: fc.array(fc.option(fc.constantFrom(...sectors), { nil: undefined }), { minLength: n, maxLength: n }),
      arcs: fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(Math.max(0, n - 1))), { maxLength: n * n }),
      formats: fc.array(fc.constantFrom("workshop", "online", "makerspace" as const), { maxLength: 4 }),
    }),
  )
  .map(({ sectors: values, arcs, formats }) => {
    const members: Record<string, TestMember> = {};
    values.forEach((sector, i) => {
      members[`m${i}`] = sector === undefined ? {} : { sector };
    });
    return snapshotOf({
      members,
      arcs: values.length === 0 ? [] : arcs.map(([s, t]) => [`m${s}`, `m${t}`] as const),
      gatherings: formats,
    });
  });

function inRange(result: IndicatorResult, low: number, high: number): void {
  const values = [result.value, ...Object.values(result.byGroup ?? {}), ...Object.values(result.byMember ?? {})];
  for (const value of values) if (value !== null) expect(value).toBeGreaterThanOrEqual(low - 1e-12);
  for (const value of values) if (value !== null) expect(value).toBeLessThanOrEqual(high + 1e-12);
}

describe("on any small graph (members without a sector, self-loops, isolates)", () => {
  const options = optionsFor("sector", { permutations: 20 });
  const byId = new Map(all.map((indicator) => [indicator.id, indicator]));
  const run = (id: string, snapshot: ReturnType<typeof snapshotOf>) => byId.get(id)!.compute(snapshot, options);

  it("every indicator returns finite numbers or null, never NaN", () => {
    fc.assert(
      fc.property(graphs, (snapshot) => {
        for (const indicator of all) assertNoNaN(indicator.compute(snapshot, options), indicator.id);
      }),
      { numRuns: 150 },
    );
  });

  it("values stay in their ranges, and cross_share = (EI + 1)/2", () => {
    fc.assert(
      fc.property(graphs, (snapshot) => {
        for (const id of ["silo.ei", "silo.ei_expected", "silo.assortativity", "silo.coleman"])
          inRange(run(id, snapshot), -1, 1);
        for (const id of ["silo.cross_share", "silo.ei_p", "network.density", "network.betweenness"])
          inRange(run(id, snapshot), 0, 1);
        for (const id of ["diversity.blau", "diversity.iqv", "diversity.shannon_evenness", "diversity.ego"])
          inRange(run(id, snapshot), 0, 1);
        inRange(run("silo.modularity", snapshot), -0.5, 1);
        const ei = run("silo.ei", snapshot).value;
        const share = run("silo.cross_share", snapshot).value;
        expect(share === null).toBe(ei === null);
        if (share !== null && ei !== null) expect(2 * share - 1).toBeCloseTo(ei, 12);
      }),
      { numRuns: 150 },
    );
  });

  it("E[EI] = 1 − 2π_in is the exact mean of EI over every permutation of the labels", () => {
    const permutations = (items: string[]): string[][] =>
      items.length <= 1
        ? [items]
        : items.flatMap((item, i) =>
            permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
          );
    fc.assert(
      fc.property(graphs, (snapshot) => {
        const { graph } = snapshot;
        const observed = eiResult(graph, "sector");
        if (observed.value === null) return;
        const labelled = graph.filterNodes((_node, attributes) => attributes.sector !== undefined);
        const labels = labelled.map((node) => graph.getNodeAttribute(node, "sector")!);
        let sum = 0;
        const all = permutations(labels);
        for (const permuted of all) {
          const copy = graph.copy();
          for (const [i, node] of labelled.entries()) copy.setNodeAttribute(node, "sector", permuted[i] as "health");
          sum += eiResult(copy, "sector").value!;
        }
        expect(sum / all.length).toBeCloseTo(observed.baseline!, 12);
      }),
      { numRuns: 60 },
    );
  });
});
