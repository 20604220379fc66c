// Diversity indicators against networkx-side values (oracles/networkx-oracles.json) and the
// metrics.md table. The data sets' attributes are custom, so K = observed categories.
import { describe, it } from "vitest";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import { assertClose, assertCloseRecord, printedPrecision } from "../testing/close.js";
import { florentineMarriage, karate, krackhardt } from "../testing/datasets.js";
import { type OracleDataset, oracle } from "../testing/oracles.js";
import { optionsFor } from "../testing/snapshot.js";
import { blauIndicator } from "./blau.js";
import { egoDiversityIndicator } from "./ego.js";
import { iqvIndicator } from "./iqv.js";
import { shannonEvennessIndicator } from "./shannon-evenness.js";

const TOLERANCE = 1e-9;
const cases: [OracleDataset, string, () => CommunitySnapshot][] = [
  ["krackhardt_advice", "LEVEL", () => krackhardt("advice")],
  ["krackhardt_advice", "DEPT", () => krackhardt("advice")],
  ["krackhardt_friendship", "LEVEL", () => krackhardt("friendship")],
  ["krackhardt_friendship", "DEPT", () => krackhardt("friendship")],
  ["karate", "club", karate],
  ["florentine_marriage", "priorates", florentineMarriage],
];

describe.each(cases)("diversity on %s by %s matches the oracle", (name, attribute, load) => {
  const snapshot = load();
  const expected = oracle(name).attributes[attribute]!;
  const options = optionsFor(attribute);

  it("Blau, IQV, Shannon evenness", () => {
    assertClose(blauIndicator.compute(snapshot, options).value, expected.blau, TOLERANCE, "blau");
    assertClose(iqvIndicator.compute(snapshot, options).value, expected.iqv, TOLERANCE, "iqv");
    assertClose(
      shannonEvennessIndicator.compute(snapshot, options).value,
      expected.shannon_evenness,
      TOLERANCE,
      "evenness",
    );
  });

  it("ego-network diversity per member and its mean", () => {
    const result = egoDiversityIndicator.compute(snapshot, options);
    assertCloseRecord(result.byMember, expected.ego_by_member, TOLERANCE, "ego");
    assertClose(result.value, expected.ego_mean, TOLERANCE, "ego mean");
  });
});

describe("Blau (nodes) matches the metrics.md table", () => {
  it.each([
    ["krackhardt advice, LEVEL", () => krackhardt("advice"), "LEVEL", 0.380952381],
    ["krackhardt friendship, LEVEL", () => krackhardt("friendship"), "LEVEL", 0.380952381],
    ["karate, club", karate, "club", 0.5],
    ["florentine marriage, priorates>0", florentineMarriage, "priorates", 0.46875],
  ] as const)("%s", (_label, load, attribute, blau) => {
    assertClose(blauIndicator.compute(load(), optionsFor(attribute)).value, blau, printedPrecision(9));
  });
});
