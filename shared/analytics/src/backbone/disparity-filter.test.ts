import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { datasetsFolder } from "../indicators/testing/datasets.js";
import { disparityAlphas, disparityBackbone, type WeightedArcs } from "./disparity-filter.js";

// Nodes a … g = 0 … 6. Worked by hand, α_ij = (1 − w/s)^(k − 1):
//   out of a (s 10, k 3): a→b (1 − 0.8)² = 0.04, a→c and a→d (0.9)² = 0.81
//   out of b (s 4, k 3):  b→a, b→c (0.75)² = 0.5625, b→d (0.5)² = 0.25
//   out of c (s 4, k 2):  c→a, c→b 0.5
//   out of d (s 8, k 3):  d→a, d→b (7/8)² = 0.765625, d→c (2/8)² = 0.0625
//   into a (s 4, k 3):    b→a, d→a (3/4)² = 0.5625, c→a (2/4)² = 0.25
//   into b (s 11, k 3):   a→b (3/11)² = 9/121, c→b (9/11)² = 81/121, d→b (10/11)² = 100/121
//   into c (s 8, k 3):    a→c, b→c (7/8)² = 0.765625, d→c 0.0625
//   into d (s 3, k 2):    a→d 2/3, b→d 1/3
//   e→f: e gives one tie and f receives one, kept by convention; g has no tie.
const a = 0;
const b = 1;
const c = 2;
const d = 3;
const e = 4;
const f = 5;
const ties: [number, number, number][] = [
  [a, b, 8],
  [a, c, 1],
  [a, d, 1],
  [b, a, 1],
  [b, c, 1],
  [b, d, 2],
  [c, a, 2],
  [c, b, 2],
  [d, a, 1],
  [d, b, 1],
  [d, c, 6],
  [e, f, 1],
];
const handExample: WeightedArcs = {
  nodes: 7,
  source: ties.map(([s]) => s),
  target: ties.map(([, t]) => t),
  weight: ties.map(([, , w]) => w),
};

const keptTies = (arcs: WeightedArcs, alpha: number) => {
  const { kept, keptCount } = disparityBackbone(arcs, alpha);
  const list = [...kept.keys()].filter((k) => kept[k] === 1).map((k) => [arcs.source[k], arcs.target[k]]);
  expect(list).toHaveLength(keptCount);
  return list;
};

describe("the disparity filter (Serrano, Boguñá & Vespignani 2009)", () => {
  it("gives each tie the α of its source's giving and of its target's receiving", () => {
    const { out, in: into } = disparityAlphas(handExample);
    const expectedOut = [0.04, 0.81, 0.81, 0.5625, 0.5625, 0.25, 0.5, 0.5, 0.765625, 0.765625, 0.0625, 1];
    const expectedIn = [
      9 / 121,
      0.765625,
      2 / 3,
      0.5625,
      0.765625,
      1 / 3,
      0.25,
      81 / 121,
      0.5625,
      100 / 121,
      0.0625,
      1,
    ];
    expectedOut.forEach((value, k) => {
      expect(out[k]).toBeCloseTo(value, 12);
    });
    expectedIn.forEach((value, k) => {
      expect(into[k]).toBeCloseTo(value, 12);
    });
  });

  it("keeps a tie significant for either member, and a member's only tie", () => {
    expect(keptTies(handExample, 0.05)).toEqual([
      [a, b],
      [e, f],
    ]);
    expect(keptTies(handExample, 0.1)).toEqual([
      [a, b],
      [d, c],
      [e, f],
    ]);
    expect(keptTies(handExample, 0.3)).toEqual([
      [a, b],
      [b, d],
      [c, a],
      [d, c],
      [e, f],
    ]);
    // α = 1: every tie carries less than all of its members' weight, so every one is kept.
    expect(keptTies(handExample, 1)).toHaveLength(ties.length);
  });

  it("refuses a level outside 0 < α ≤ 1 and judges ties that weigh nothing as not significant", () => {
    for (const level of [0, -0.1, 1.01, Number.NaN])
      expect(() => disparityBackbone(handExample, level)).toThrow(RangeError);
    const weightless: WeightedArcs = { nodes: 3, source: [0, 0], target: [1, 2], weight: [0, 0] };
    expect([...disparityAlphas(weightless).out]).toEqual([1, 1]);
    // Node 1 and node 2 each receive one tie: the convention keeps both.
    expect(keptTies(weightless, 0.5)).toHaveLength(2);
    expect(disparityBackbone({ nodes: 0, source: [], target: [], weight: [] }, 0.05).keptCount).toBe(0);
  });
});

// The same α values computed by oracles/backbone/disparity_oracle.py (plain Python) from the same files.
interface OracleTie {
  source: string;
  target: string;
  weight: number;
  alphaOut: number;
  alphaIn: number;
}
interface OracleSet {
  ties: OracleTie[];
  kept: Record<string, [string, string][]>;
}
const oracle = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../oracles/backbone/disparity_oracle.json", import.meta.url)), "utf8"),
) as { levels: number[] } & Record<"mcfarland_s641" | "zachary_karate", OracleSet>;

/** Ties read here from the shipped files, independently of the oracle script. */
function arcsOf(lines: [string, string, number][]): WeightedArcs & { ids: string[] } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const at = (id: string) => {
    if (!index.has(id)) index.set(id, ids.push(id) - 1);
    return index.get(id) as number;
  };
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  for (const [s, t, w] of lines) {
    source.push(at(s));
    target.push(at(t));
    weight.push(w);
  }
  return { nodes: ids.length, ids, source, target, weight };
}

const read = (path: string) => readFileSync(new URL(path, datasetsFolder), "utf8");
const datasets = {
  // Directed, valued social-interaction rates; a full dyad list with zeros and self-pairs.
  mcfarland_s641: () =>
    arcsOf(
      read("mcfarland_s641/social_interactions_s641.csv")
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(","))
        .filter(([ego, alter, value]) => ego !== alter && Number(value) > 0)
        .map(([ego, alter, value]) => [ego as string, alter as string, Number(value)]),
    ),
  // Undirected weighted ties as both arcs: the filter then tests each tie at both of its members.
  zachary_karate: () =>
    arcsOf(
      read("zachary_karate/zachary.txt")
        .split(/\r?\n/)
        .map((line) => line.trim().split(/\s+/))
        .filter((parts) => parts.length === 3)
        .flatMap(([i, j, w]) => [
          [i as string, j as string, Number(w)] as [string, string, number],
          [j as string, i as string, Number(w)] as [string, string, number],
        ]),
    ),
};

describe.each(["mcfarland_s641", "zachary_karate"] as const)("the disparity filter on %s", (name) => {
  const arcs = datasets[name]();
  const expected = oracle[name];

  it("computes the oracle's α for every tie", () => {
    const { out, in: into } = disparityAlphas(arcs);
    expect(arcs.source.length).toBe(expected.ties.length);
    expected.ties.forEach((tie, k) => {
      expect([arcs.ids[arcs.source[k] as number], arcs.ids[arcs.target[k] as number], arcs.weight[k]]).toEqual([
        tie.source,
        tie.target,
        tie.weight,
      ]);
      expect(out[k]).toBeCloseTo(tie.alphaOut, 12);
      expect(into[k]).toBeCloseTo(tie.alphaIn, 12);
    });
  });

  it.each(oracle.levels)("keeps the oracle's ties at α = %s", (level) => {
    const kept = keptTies(arcs, level).map(([s, t]) => [arcs.ids[s as number], arcs.ids[t as number]]);
    expect(kept).toEqual(expected.kept[String(level)]);
  });
});
