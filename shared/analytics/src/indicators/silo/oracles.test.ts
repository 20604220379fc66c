// Silo indicators against networkx and plain-python formulas (oracles/networkx-oracles.json)
// and the metrics.md table.
import { describe, expect, it } from "vitest";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import { assertClose, assertCloseRecord, printedPrecision } from "../testing/close.js";
import { florentineMarriage, karate, krackhardt } from "../testing/datasets.js";
import { type OracleDataset, oracle } from "../testing/oracles.js";
import { optionsFor } from "../testing/snapshot.js";
import { assortativityIndicator } from "./assortativity.js";
import { brokerageIndicator } from "./brokerage.js";
import { colemanIndicator } from "./coleman.js";
import { constraintIndicator } from "./constraint.js";
import { crossShareIndicator } from "./cross-share.js";
import { effectiveSizeIndicator } from "./effective-size.js";
import { eiIndicator } from "./ei.js";
import { eiExpectedIndicator } from "./ei-expected.js";
import { attributeModularityIndicator } from "./modularity.js";

const TOLERANCE = 1e-9;
const loaders: Record<OracleDataset, () => CommunitySnapshot> = {
  krackhardt_advice: () => krackhardt("advice"),
  krackhardt_friendship: () => krackhardt("friendship"),
  karate,
  florentine_marriage: florentineMarriage,
};
const cases: [OracleDataset, string][] = [
  ["krackhardt_advice", "LEVEL"],
  ["krackhardt_advice", "DEPT"],
  ["krackhardt_friendship", "LEVEL"],
  ["krackhardt_friendship", "DEPT"],
  ["karate", "club"],
  ["florentine_marriage", "priorates"],
];

describe.each(cases)("silo indicators on %s by %s match the oracle", (name, attribute) => {
  const snapshot = loaders[name]();
  const expected = oracle(name).attributes[attribute]!;
  const options = optionsFor(attribute);

  it("E-I whole, per group, per member; E[EI] as value and baseline; cross-group share", () => {
    const ei = eiIndicator.compute(snapshot, options);
    assertClose(ei.value, expected.ei, TOLERANCE, "ei");
    assertClose(ei.baseline, expected.ei_expected, TOLERANCE, "ei baseline");
    assertCloseRecord(ei.byGroup, expected.ei_by_group, TOLERANCE, "ei by group");
    assertCloseRecord(ei.byMember, expected.ei_by_member, TOLERANCE, "ei by member");
    assertClose(eiExpectedIndicator.compute(snapshot, options).value, expected.ei_expected, TOLERANCE, "E[EI]");
    assertClose(crossShareIndicator.compute(snapshot, options).value, expected.cross_share, TOLERANCE, "share");
  });

  it("assortativity (directed mixing matrix) and modularity (undirected, unweighted)", () => {
    assertClose(assortativityIndicator.compute(snapshot, options).value, expected.assortativity, TOLERANCE, "r");
    assertClose(attributeModularityIndicator.compute(snapshot, options).value, expected.modularity, TOLERANCE, "Q");
  });

  it("Coleman per group", () => {
    assertCloseRecord(colemanIndicator.compute(snapshot, options).byGroup, expected.coleman, TOLERANCE, "coleman");
  });

  it("Gould–Fernandez brokerage per member and totals", () => {
    const result = brokerageIndicator.compute(snapshot, options);
    const details = result.details as { byMember: unknown; totals: unknown };
    expect(details.byMember).toEqual(expected.brokerage_by_member);
    expect(details.totals).toEqual(expected.brokerage_totals);
    expect(result.value).toBe(Object.values(expected.brokerage_totals).reduce((a, b) => a + b, 0));
  });
});

describe.each(Object.keys(loaders) as OracleDataset[])("Burt measures on %s match networkx", (name) => {
  const snapshot = loaders[name]();
  const expected = oracle(name);
  const options = optionsFor("sector");

  it("constraint per member (null for isolates) and its mean", () => {
    const result = constraintIndicator.compute(snapshot, options);
    assertCloseRecord(result.byMember, expected.constraint, TOLERANCE, "constraint");
    const defined = Object.values(expected.constraint).filter((v): v is number => v !== null);
    assertClose(result.value, defined.reduce((a, b) => a + b, 0) / defined.length, TOLERANCE, "mean");
  });

  it("effective size per member (null for isolates) and its mean", () => {
    const result = effectiveSizeIndicator.compute(snapshot, options);
    assertCloseRecord(result.byMember, expected.effective_size, TOLERANCE, "effective size");
    const defined = Object.values(expected.effective_size).filter((v): v is number => v !== null);
    assertClose(result.value, defined.reduce((a, b) => a + b, 0) / defined.length, TOLERANCE, "mean");
  });
});

describe("silo indicators match the metrics.md table (to the printed precision)", () => {
  const table = [
    ["krackhardt_advice", "LEVEL", 0.0080738178, -0.0947368421, -0.2, -0.006373365],
    ["krackhardt_friendship", "LEVEL", 0.1875, -0.4901960784, -0.2, 0.0274795706],
    ["karate", "club", 0.7175308642, -0.7179487179, 0.0303030303, 0.358234714],
    ["florentine_marriage", "priorates", -0.25, -0.2, 0.0, -0.08],
  ] as const;

  it.each(table)("%s by %s: r, E-I, E[E-I], modularity", (name, attribute, r, ei, expectedEi, q) => {
    const snapshot = loaders[name]();
    const options = optionsFor(attribute);
    assertClose(assortativityIndicator.compute(snapshot, options).value, r, printedPrecision(10), "r");
    const result = eiIndicator.compute(snapshot, options);
    assertClose(result.value, ei, printedPrecision(10), "E-I");
    assertClose(result.baseline, expectedEi, printedPrecision(10), "E[E-I]");
    assertClose(attributeModularityIndicator.compute(snapshot, options).value, q, printedPrecision(9), "Q");
  });

  it("Krackhardt advice E-I per LEVEL: CEO 1.0, VP 0.7590361446, manager −0.0930232558", () => {
    const byGroup = eiIndicator.compute(krackhardt("advice"), optionsFor("LEVEL")).byGroup!;
    assertClose(byGroup["1"], 1.0, printedPrecision(10), "CEO");
    assertClose(byGroup["2"], 0.7590361446, printedPrecision(10), "VP");
    assertClose(byGroup["3"], -0.0930232558, printedPrecision(10), "manager");
  });

  it("Krackhardt advice: lowest Burt constraint is node 18, 0.1923136176", () => {
    const result = constraintIndicator.compute(krackhardt("advice"), optionsFor("LEVEL"));
    const lowest = Math.min(...Object.values(result.byMember!).filter((v) => v !== null));
    expect(Object.keys(result.byMember!).filter((m) => result.byMember![m] === lowest)).toEqual(["18"]);
    assertClose(result.byMember!["18"], 0.1923136176, printedPrecision(10));
  });
});
