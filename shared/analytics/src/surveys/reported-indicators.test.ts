// Indicators on reported layers, checked against a round worked by hand. Five members asked, four
// answered (e did not). Sectors: a, b education; c, d business; e higher-education.
//   advice:    a→b, a→c, b→a, b→e, c→d, d→c, d→e
//   knowledge: a→b, c→a
import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions } from "../indicators/indicator.js";
import { indicators } from "../indicators/registry.js";
import type { MemberAttributes } from "../projection/community-snapshot.js";
import { reportedGraphOf } from "./reported-graph.js";
import {
  NotOnReportedLayersError,
  notOnReportedLayers,
  reportedIndicators,
  reportedLayerIndicatorIds,
} from "./reported-indicators.js";
import { reportedReciprocity } from "./reported-reciprocity.js";
import type { ReportedTie, SurveyResponses } from "./responses.js";

const advice = (from: string, to: string): ReportedTie => ({
  from,
  to,
  question: "ng.advice.v1",
  layer: "reported-advice",
});
const knowledge = (from: string, to: string): ReportedTie => ({
  from,
  to,
  question: "ng.knowledge.v1",
  layer: "reported-knowledge",
});

const handRound: SurveyResponses = {
  roster: ["a", "b", "c", "d", "e"],
  respondents: ["a", "b", "c", "d"],
  ties: [
    advice("a", "b"),
    advice("a", "c"),
    advice("b", "a"),
    advice("b", "e"),
    advice("c", "d"),
    advice("d", "c"),
    advice("d", "e"),
    knowledge("a", "b"),
    knowledge("c", "a"),
  ],
  ratings: [],
};

const member = (sector: string) => ({ sector, occupationalLayer: "professional" }) as MemberAttributes;
const handAttributes = new Map<string, MemberAttributes>([
  ["a", member("education")],
  ["b", member("education")],
  ["c", member("business")],
  ["d", member("business")],
  ["e", member("higher-education")],
]);

const when = { at: 1_000, knownAt: 2_000 };
const options = { ...defaultIndicatorOptions, permutations: 50 };
const ask = (layers: string[], ids?: string[]) =>
  reportedIndicators(handRound, handAttributes, { ...when, layers }, options, ids);

describe("structural indicators on a reported layer", () => {
  it("reads the advice layer as computed by hand, with the response rate", () => {
    const result = ask(
      ["reported-advice"],
      ["network.members", "network.ties", "network.density", "reciprocity.edge", "reciprocity.dyadic", "silo.ei"],
    );
    expect(result).toMatchObject({ layers: ["reported-advice"], rostered: 5, respondents: 4, responseRate: 0.8 });
    const { values } = result;
    // Everyone asked: N = 5, L = 7, density 7 / (5 · 4).
    expect(values["network.members"]).toMatchObject({ value: 5, over: "members asked" });
    expect(values["network.ties"]!.value).toBe(7);
    expect(values["network.density"]!.value).toBeCloseTo(0.35, 12);
    // Among the four who answered: arcs a→b, b→a, a→c, c→d, d→c (b→e, d→e left out);
    // mutual {a,b}, {c,d}, asymmetric {a,c}: dyadic 2/3, edge 4/5.
    expect(values["reciprocity.dyadic"]).toMatchObject({ over: "dyads in which both answered" });
    expect(values["reciprocity.dyadic"]!.value).toBeCloseTo(2 / 3, 12);
    expect(values["reciprocity.edge"]!.value).toBeCloseTo(0.8, 12);
    // By sector: external a→c, b→e, d→e (3), internal a→b, b→a, c→d, d→c (4): (3 − 4) / 7.
    expect(values["silo.ei"]!.value).toBeCloseTo(-1 / 7, 12);
  });

  it("agrees with the survey readings' reciprocity over dyads in which both answered", () => {
    for (const layer of ["reported-advice", "reported-knowledge"]) {
      const { values } = ask([layer], ["reciprocity.dyadic", "reciprocity.edge"]);
      const reading = reportedReciprocity(handRound, { layer });
      expect(values["reciprocity.dyadic"]!.value).toBeCloseTo(reading.value!, 12);
      expect(values["reciprocity.edge"]!.value).toBeCloseTo(reading.edge!, 12);
    }
  });

  it("reads the knowledge layer alone, and both layers together with counts as weights", () => {
    const knowledgeOnly = ask(["reported-knowledge"], ["network.density", "reciprocity.dyadic"]).values;
    expect(knowledgeOnly["network.density"]!.value).toBeCloseTo(2 / 20, 12);
    expect(knowledgeOnly["reciprocity.dyadic"]!.value).toBe(0);
    const both = ask(["reported-advice", "reported-knowledge"], ["network.ties", "reciprocity.dyadic"]).values;
    // c→a returns a→c: every dyad among respondents with a tie is mutual.
    expect(both["network.ties"]!.value).toBe(8);
    expect(both["reciprocity.dyadic"]!.value).toBe(1);
    const graph = reportedGraphOf(handRound, handAttributes, {
      layers: ["reported-advice", "reported-knowledge"],
      scope: "members asked",
    });
    expect(graph.getDirectedEdgeAttribute("a", "b", "weight")).toBe(2);
    expect(graph.getDirectedEdgeAttribute("a", "c", "weight")).toBe(1);
    expect(graph.getNodeAttribute("e", "sector")).toBe("higher-education");
  });

  it("computes every indicator it offers on the example, never NaN", () => {
    const { values } = ask(["reported-advice"]);
    expect(Object.keys(values)).toEqual([...reportedLayerIndicatorIds]);
    for (const [id, result] of Object.entries(values)) {
      expect(Number.isNaN(result.value), id).toBe(false);
    }
  });

  it("refuses a time-based indicator, or one that reads gatherings, saying why", () => {
    expect(() => ask(["reported-advice"], ["activity.burstiness"])).toThrow(NotOnReportedLayersError);
    expect(() => ask(["reported-advice"], ["reciprocity.returned_within"])).toThrow(/time-based/);
    expect(() => ask(["reported-advice"], ["roles.reversal"])).toThrow(/gatherings/);
    expect(() => ask(["reported-advice"], ["network.nonsense"])).toThrow(/not in the catalogue/);
  });

  it("decides for every catalogue indicator: a new one must be placed here", () => {
    const offered = new Set(reportedLayerIndicatorIds);
    for (const indicator of indicators) {
      expect(offered.has(indicator.id) !== notOnReportedLayers.has(indicator.id), indicator.id).toBe(true);
    }
    expect(reportedLayerIndicatorIds).toEqual([
      "network.members",
      "network.ties",
      "network.density",
      "network.components",
      "network.isolates",
      "network.betweenness",
      "network.louvain",
      "diversity.blau",
      "diversity.iqv",
      "diversity.shannon_evenness",
      "diversity.ego",
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
      "reciprocity.edge",
      "reciprocity.dyadic",
      "reciprocity.rho",
      "reciprocity.weighted",
      "reciprocity.member",
    ]);
  });
});
