// Network indicators against networkx (oracles/networkx-oracles.json) and the metrics.md table.
import { describe, expect, it } from "vitest";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import { assertClose, assertCloseRecord, printedPrecision } from "../testing/close.js";
import { florentineMarriage, karate, krackhardt } from "../testing/datasets.js";
import { type OracleDataset, oracle } from "../testing/oracles.js";
import { optionsFor } from "../testing/snapshot.js";
import { betweennessIndicator } from "./betweenness.js";
import { componentsIndicator } from "./components.js";
import { densityIndicator } from "./density.js";
import { isolatesIndicator } from "./isolates.js";
import { membersIndicator } from "./members.js";
import { tiesIndicator } from "./ties.js";

const TOLERANCE = 1e-9;
const options = optionsFor("sector");
const datasets: [OracleDataset, () => CommunitySnapshot][] = [
  ["krackhardt_advice", () => krackhardt("advice")],
  ["krackhardt_friendship", () => krackhardt("friendship")],
  ["karate", karate],
  ["florentine_marriage", florentineMarriage],
];

describe.each(datasets)("network indicators on %s match networkx", (name, load) => {
  const snapshot = load();
  const expected = oracle(name);

  it("N, L, density, weak components, isolates", () => {
    expect(membersIndicator.compute(snapshot, options).value).toBe(expected.N);
    expect(tiesIndicator.compute(snapshot, options).value).toBe(expected.L);
    assertClose(densityIndicator.compute(snapshot, options).value, expected.density, TOLERANCE, "density");
    expect(componentsIndicator.compute(snapshot, options).value).toBe(expected.components);
    const isolates = isolatesIndicator.compute(snapshot, options);
    expect(isolates.value).toBe(expected.isolates.length);
    expect(isolates.details).toEqual({ members: expected.isolates });
  });

  it("betweenness per member (directed, unweighted, normalised) and its maximum", () => {
    const result = betweennessIndicator.compute(snapshot, options);
    assertCloseRecord(result.byMember, expected.betweenness, TOLERANCE, "betweenness");
    const max = Math.max(...Object.values(expected.betweenness).map(Number));
    assertClose(result.value, max, TOLERANCE, "max betweenness");
  });
});

describe("network indicators match the metrics.md table (to the printed precision)", () => {
  it("Krackhardt advice and friendship: N, L, density", () => {
    const advice = krackhardt("advice");
    const friendship = krackhardt("friendship");
    expect([membersIndicator.compute(advice, options).value, tiesIndicator.compute(advice, options).value]).toEqual([
      21, 190,
    ]);
    expect(tiesIndicator.compute(friendship, options).value).toBe(102);
    assertClose(densityIndicator.compute(advice, options).value, 0.4523809524, printedPrecision(10));
    assertClose(densityIndicator.compute(friendship, options).value, 0.2428571429, printedPrecision(10));
  });

  it("Krackhardt advice betweenness top: 18 0.2340, 21 0.1582", () => {
    const result = betweennessIndicator.compute(krackhardt("advice"), options);
    assertClose(result.byMember!["18"], 0.234, printedPrecision(4));
    assertClose(result.byMember!["21"], 0.1582, printedPrecision(4));
    const ranked = Object.entries(result.byMember!).sort(([, a], [, b]) => (b ?? 0) - (a ?? 0));
    expect(ranked.slice(0, 2).map(([member]) => member)).toEqual(["18", "21"]);
    const highest = Math.max(...Object.values(result.byMember!).map(Number));
    expect(Object.keys(result.byMember!).filter((m) => result.byMember![m] === highest)).toEqual(["18"]);
  });

  it("Florentine marriage (16 families incl. Pucci): Medici betweenness 0.4524", () => {
    const result = betweennessIndicator.compute(florentineMarriage(), options);
    assertClose(result.byMember!.Medici, 0.4524, printedPrecision(4));
    assertClose(result.value, 0.4524, printedPrecision(4));
    expect(result.byMember!.Pucci).toBe(0);
  });
});
