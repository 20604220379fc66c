// A round's reported ties as a CommunitySnapshot, so the catalogue's structural indicators read a
// reported layer as they read the recorded graph. Nodes: the members asked, with their profile as
// of the round's close; arcs: the ties respondents reported. No interactions and no gatherings: a
// survey answer has no dates, so nothing time-based can be read from it.
import { DirectedGraph } from "graphology";
import type { CommunityHistory } from "../projection/community-history.js";
import type {
  CommunityGraph,
  CommunitySnapshot,
  MemberAttributes,
  TieAttributes,
} from "../projection/community-snapshot.js";
import type { ReportedTie, SurveyResponses } from "./responses.js";

/**
 * Whom the graph holds. `members asked`: every rostered member (a non-respondent's outgoing ties
 * are unknown, the ties others reported to them are kept). `dyads in which both answered`: the
 * respondents and the ties between them, what reciprocity on a reported layer is computed over.
 */
export type ReportedGraphScope = "members asked" | "dyads in which both answered";

export interface ReportedGraphChoice {
  /** The reported layers read (for example "reported-advice"); a tie of any other layer is left out. */
  readonly layers: readonly string[];
  readonly scope: ReportedGraphScope;
  /** Valid time of the members' attributes: the round's close. */
  readonly at: number;
  /** Transaction time the round and the profiles were read as known at. */
  readonly knownAt: number;
}

/**
 * Each rostered member's profile valid at `at` as known at `knownAt` (the catalogue attributes and
 * custom ones; the organisation left out, as everywhere analytics groups members). A member whose
 * join was not known then has no attributes.
 */
export function rosterAttributesAt(
  history: CommunityHistory,
  roster: readonly string[],
  at: number,
  knownAt: number,
): Map<string, MemberAttributes> {
  const attributes = new Map<string, MemberAttributes>();
  for (const memberId of roster) {
    const timeline = history.member(memberId);
    const join = timeline?.joins[timeline.joinKnownAt(knownAt)];
    if (timeline === undefined || join === undefined) {
      attributes.set(memberId, {} as MemberAttributes);
      continue;
    }
    const { organisation: _organisation, ...profile } = timeline.profileAt(join, at, knownAt);
    attributes.set(memberId, profile as MemberAttributes);
  }
  return attributes;
}

/**
 * The reported graph: an arc i → j when i named j in a question of a chosen layer, its weight the
 * number of such questions (1 for one layer). Self-named and repeated ties count once per question.
 */
export function reportedGraphOf(
  responses: SurveyResponses,
  attributes: ReadonlyMap<string, MemberAttributes>,
  choice: Pick<ReportedGraphChoice, "layers" | "scope">,
): CommunityGraph {
  const members = choice.scope === "members asked" ? responses.roster : responses.respondents;
  const graph: CommunityGraph = new DirectedGraph<MemberAttributes, TieAttributes>();
  for (const memberId of members) graph.addNode(memberId, { ...(attributes.get(memberId) ?? {}) } as MemberAttributes);
  const layers = new Set(choice.layers);
  const counted = new Set<string>();
  const weights = new Map<string, { from: string; to: string; weight: number }>();
  for (const tie of responses.ties) {
    if (!inChosenLayer(tie, layers) || tie.from === tie.to) continue;
    if (!graph.hasNode(tie.from) || !graph.hasNode(tie.to)) continue;
    const key = `${tie.from}\u0000${tie.to}\u0000${tie.question}`;
    if (counted.has(key)) continue;
    counted.add(key);
    const arc = `${tie.from}\u0000${tie.to}`;
    const current = weights.get(arc) ?? { from: tie.from, to: tie.to, weight: 0 };
    weights.set(arc, { ...current, weight: current.weight + 1 });
  }
  // `layers` of TieAttributes names recorded layers only; a reported layer's count is the weight.
  for (const { from, to, weight } of weights.values()) graph.addDirectedEdge(from, to, { weight, layers: {} });
  return graph;
}

function inChosenLayer(tie: ReportedTie, layers: ReadonlySet<string>): boolean {
  return tie.layer !== undefined && layers.has(tie.layer);
}

/** The reported graph as a snapshot the indicators read: no interactions, no gatherings. */
export function reportedSnapshotOf(
  responses: SurveyResponses,
  attributes: ReadonlyMap<string, MemberAttributes>,
  choice: ReportedGraphChoice,
): CommunitySnapshot {
  const graph = reportedGraphOf(responses, attributes, choice);
  return {
    query: { at: choice.at, knownAt: choice.knownAt },
    graph,
    interactions: [],
    gatherings: [],
    // Nobody joins inside a survey: the indicators that read joins are not offered on it.
    joinedAt: new Map(graph.nodes().map((memberId) => [memberId, choice.at])),
  };
}
