// Reciprocity on a reported layer, over dyads in which both members answered: a tie to someone who
// did not answer could never be returned, so counting it would read non-response as one-way help.
import type { Value } from "../indicators/indicator.js";
import { pairsAmong } from "./pairs.js";
import { checkResponses, responseRate, type SurveyResponses } from "./responses.js";

/** Which ties form the layer: those of one question, or of one reported layer; neither: all. */
export interface ReportedLayerChoice {
  readonly question?: string;
  readonly layer?: string;
}

export interface ReportedReciprocity {
  /** The question read; null: any. */
  readonly question: string | null;
  /** The reported layer read; null: any. */
  readonly layer: string | null;
  /** Always "dyads in which both answered": what the value is computed over. */
  readonly over: "dyads in which both answered";
  /** Dyadic reciprocity M / (M + A) over those dyads; null without a tie between respondents. */
  readonly value: Value;
  /** Edge reciprocity: arcs whose reverse is reported / arcs between respondents; null without arcs. */
  readonly edge: Value;
  readonly mutualDyads: number;
  readonly asymmetricDyads: number;
  /** Pairs of respondents: every dyad the value could see. */
  readonly dyadsUsed: number;
  /** Arcs of the layer to members who did not answer, left out. */
  readonly arcsLeftOut: number;
  readonly respondents: number;
  readonly rostered: number;
  readonly responseRate: Value;
}

export function reportedReciprocity(responses: SurveyResponses, choice: ReportedLayerChoice = {}): ReportedReciprocity {
  const question = choice.question ?? null;
  const layer = choice.layer ?? null;
  checkResponses(responses);
  const answered = new Set(responses.respondents);
  const arcs = new Set<string>();
  let arcsLeftOut = 0;
  const counted = new Set<string>();
  for (const tie of responses.ties) {
    if (question !== null && tie.question !== question) continue;
    if (layer !== null && tie.layer !== layer) continue;
    const key = `${tie.from}\u0000${tie.to}`;
    if (counted.has(key)) continue;
    counted.add(key);
    if (answered.has(tie.to)) arcs.add(key);
    else arcsLeftOut++;
  }
  let reciprocated = 0;
  for (const key of arcs) {
    const [from, to] = key.split("\u0000") as [string, string];
    if (arcs.has(`${to}\u0000${from}`)) reciprocated++;
  }
  const mutualDyads = reciprocated / 2;
  const asymmetricDyads = arcs.size - reciprocated;
  const n = answered.size;
  return {
    question,
    layer,
    over: "dyads in which both answered",
    value: arcs.size === 0 ? null : mutualDyads / (mutualDyads + asymmetricDyads),
    edge: arcs.size === 0 ? null : reciprocated / arcs.size,
    mutualDyads,
    asymmetricDyads,
    dyadsUsed: pairsAmong(n),
    arcsLeftOut,
    respondents: n,
    rostered: responses.roster.length,
    responseRate: responseRate(responses),
  };
}
