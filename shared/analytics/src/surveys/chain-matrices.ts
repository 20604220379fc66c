// The chain's matrices from their sources: reversal and reciprocity from the recorded history in
// the window before a round opened, mutual trust from the round's ratings. Definitions:
// docs/survey-analytics.md ("The chain").
import { compactEpisodesOf } from "../compact/episodes.js";
import { flowDyadsOf } from "../compact/flow-dyads.js";
import { directedLayers } from "../indicators/reciprocity/arcs.js";
import type { CommunityHistory } from "../projection/community-history.js";
import { projectSnapshot } from "../projection/project-snapshot.js";
import { type DyadMatrix, matrixOfPairs } from "./dyad-matrix.js";
import { checkResponses, type SurveyResponses, TRUST_TIE_THRESHOLD, trustScore } from "./responses.js";

/** Months before the round opened that the recorded matrices read, by default. */
export const defaultChainWindowMonths = 12;

/** The same day-of-month and time `months` calendar months earlier (UTC), the day clamped to the month's end. */
export function monthsBefore(at: number, months: number): number {
  const d = new Date(at);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(
    first.getUTCFullYear(),
    first.getUTCMonth(),
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

export interface RecordedChainQuery {
  /** The members the matrices are over (the round's respondents), in row order. */
  readonly members: readonly string[];
  /** When the round opened (epoch ms): the window ends just before it. */
  readonly openedAt: number;
  /** What copgraph had been told by then (transaction time, epoch ms). */
  readonly knownAt: number;
  /** Calendar months the window reaches back. Default 12. */
  readonly months?: number;
}

export interface RecordedChainMatrices {
  readonly reversal: DyadMatrix;
  readonly reciprocity: DyadMatrix;
  /** The window in valid time, epoch ms, both ends included: [openedAt − months, openedAt − 1 ms]. */
  readonly window: { readonly from: number; readonly to: number };
}

/** Reversal and reciprocity over `members` from the records of the window before the round opened. */
export function recordedChainMatrices(history: CommunityHistory, query: RecordedChainQuery): RecordedChainMatrices {
  const months = query.months ?? defaultChainWindowMonths;
  if (!Number.isInteger(months) || months < 1) throw new RangeError("months must be a whole number of at least 1");
  const window = { from: monthsBefore(query.openedAt, months), to: query.openedAt - 1 };
  const snapshot = projectSnapshot(history, { at: window.to, knownAt: query.knownAt, from: window.from });

  const episodes = compactEpisodesOf(snapshot);
  const dyads = flowDyadsOf(episodes);
  const reversed: [string, string][] = [];
  for (let d = 0; d < dyads.a.length; d++) {
    if (dyads.reversed[d]) reversed.push([episodes.ids[dyads.a[d]!]!, episodes.ids[dyads.b[d]!]!]);
  }

  // Directed layers only: a collaboration is recorded both ways at once, so it says nothing of return.
  const arcs = new Set<string>();
  snapshot.graph.forEachEdge((_edge, tie, source, target) => {
    if (directedLayers.some((layer) => (tie.layers[layer] ?? 0) > 0)) arcs.add(`${source}\u0000${target}`);
  });
  const mutual: [string, string][] = [];
  snapshot.graph.forEachEdge((_edge, _tie, source, target) => {
    if (source < target && arcs.has(`${source}\u0000${target}`) && arcs.has(`${target}\u0000${source}`)) {
      mutual.push([source, target]);
    }
  });

  return {
    reversal: matrixOfPairs(query.members, reversed),
    reciprocity: matrixOfPairs(query.members, mutual),
    window,
  };
}

/** 1 for each pair of `members` (default: the respondents) who both rate each other's trust ≥ 3. */
export function mutualTrustMatrix(
  responses: SurveyResponses,
  members: readonly string[] = responses.respondents,
): DyadMatrix {
  checkResponses(responses);
  const trusting = new Set<string>();
  for (const rating of responses.ratings) {
    if ((trustScore(rating.trust) ?? 0) >= TRUST_TIE_THRESHOLD) trusting.add(`${rating.from}\u0000${rating.to}`);
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!;
      const b = members[j]!;
      if (trusting.has(`${a}\u0000${b}`) && trusting.has(`${b}\u0000${a}`)) pairs.push([a, b]);
    }
  }
  return matrixOfPairs(members, pairs);
}
