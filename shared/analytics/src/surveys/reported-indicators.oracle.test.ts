// Structural indicators on reported layers against networkx: a round of 30 members asked, 20 who
// answered and three layers, generated and read by oracles/reported/reported_oracle.py.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions } from "../indicators/indicator.js";
import type { MemberAttributes } from "../projection/community-snapshot.js";
import { reportedIndicators } from "./reported-indicators.js";
import type { SurveyResponses } from "./responses.js";

interface OracleChoice {
  readonly layers: string[];
  readonly N: number;
  readonly L: number;
  readonly density: number;
  readonly components: number;
  readonly isolates: number;
  readonly betweenness: Record<string, number>;
  readonly assortativity: number;
  readonly ei: number;
  readonly edgeReciprocity: number;
  readonly dyadicReciprocity: number;
  readonly respondents: number;
  readonly rostered: number;
}

interface Oracle {
  readonly round: {
    roster: string[];
    respondents: string[];
    sectors: Record<string, string>;
    ties: { from: string; to: string; layer: string }[];
  };
  readonly choices: OracleChoice[];
}

const oracle = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../oracles/reported/reported_oracle.json", import.meta.url)), "utf8"),
) as Oracle;

const responses: SurveyResponses = {
  roster: oracle.round.roster,
  respondents: oracle.round.respondents,
  ties: oracle.round.ties.map((tie) => ({ ...tie, question: `q-${tie.layer}` })),
  ratings: [],
};
const attributes = new Map(
  Object.entries(oracle.round.sectors).map(([id, sector]) => [
    id,
    { sector, occupationalLayer: "professional" } as MemberAttributes,
  ]),
);

describe("reported layers against networkx", () => {
  for (const choice of oracle.choices) {
    it(choice.layers.join(" + "), () => {
      const { values, respondents, rostered } = reportedIndicators(
        responses,
        attributes,
        { layers: choice.layers, at: 0, knownAt: 0 },
        { ...defaultIndicatorOptions, exact: true },
        [
          "network.members",
          "network.ties",
          "network.density",
          "network.components",
          "network.isolates",
          "network.betweenness",
          "silo.assortativity",
          "silo.ei",
          "reciprocity.edge",
          "reciprocity.dyadic",
        ],
      );
      expect({ respondents, rostered }).toEqual({ respondents: choice.respondents, rostered: choice.rostered });
      expect(values["network.members"]!.value).toBe(choice.N);
      expect(values["network.ties"]!.value).toBe(choice.L);
      expect(values["network.density"]!.value).toBeCloseTo(choice.density, 12);
      expect(values["network.components"]!.value).toBe(choice.components);
      expect(values["network.isolates"]!.value).toBe(choice.isolates);
      const betweenness = values["network.betweenness"]!.byMember!;
      for (const [id, value] of Object.entries(choice.betweenness)) expect(betweenness[id], id).toBeCloseTo(value, 10);
      expect(values["silo.assortativity"]!.value).toBeCloseTo(choice.assortativity, 12);
      expect(values["silo.ei"]!.value).toBeCloseTo(choice.ei, 12);
      expect(values["reciprocity.edge"]!.value).toBeCloseTo(choice.edgeReciprocity, 12);
      expect(values["reciprocity.dyadic"]!.value).toBeCloseTo(choice.dyadicReciprocity, 12);
    });
  }
});
