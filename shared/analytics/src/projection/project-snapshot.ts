import { isMutualKind, roleClass } from "@copgraph/domain";
import { DirectedGraph } from "graphology";
import type { CommunityHistory } from "./community-history.js";
import type {
  CommunityGraph,
  CommunitySnapshot,
  GatheringFact,
  InteractionFact,
  MemberAttributes,
  TieAttributes,
} from "./community-snapshot.js";
import type { MemberJoin, MemberTimeline } from "./member-timeline.js";
import { type GraphQuery, type TieLayer, tieLayers } from "./query.js";
import type { GatheringRecord, InteractionRecord } from "./records.js";
import { TieAccumulator } from "./tie-accumulator.js";
import { namedIn, type WindowFacts, windowFacts } from "./window-facts.js";

/**
 * The community as it stood at valid time `query.at`, as copgraph knew it at `query.knownAt`.
 * Reads only the facts of the window (see windowFacts) and the members who joined by `at`.
 */
export function projectSnapshot(history: CommunityHistory, query: GraphQuery): CommunitySnapshot {
  checkQuery(query);
  const facts = windowFacts(history, query);
  const graph: CommunityGraph = new DirectedGraph<MemberAttributes, TieAttributes>();
  const joinedAt = addMembers(graph, history, query, facts);
  addTies(graph, query, facts);
  return {
    query,
    graph,
    interactions: facts.interactions.map(interactionFact),
    gatherings: facts.gatherings.map(gatheringFact),
    joinedAt,
  };
}

export function checkQuery(query: GraphQuery): void {
  if (Number.isNaN(query.at) || Number.isNaN(query.knownAt)) throw new RangeError("at and knownAt must be numbers");
  if (query.halfLife !== undefined && !(query.halfLife > 0)) throw new RangeError("halfLife must be positive");
  if (query.from !== undefined && Number.isNaN(query.from)) throw new RangeError("from must be a number");
  if (query.minWeight !== undefined && Number.isNaN(query.minWeight)) {
    throw new RangeError("minWeight must be a number");
  }
}

/**
 * Nodes: members whose join is known and dated by `at` and who had not left by `at`, plus those
 * who had left but took part in a record of the window, so the window's history stays whole.
 */
function addMembers(
  graph: CommunityGraph,
  history: CommunityHistory,
  query: GraphQuery,
  facts: WindowFacts,
): Map<string, number> {
  const { present, gone } = joinedBy(history, query);
  const stayed = namedIn(facts, gone);
  const joinedAt = new Map<string, number>();
  for (const { timeline, join } of present) {
    if (gone.has(join.memberId) && !stayed.has(join.memberId)) continue;
    graph.addNode(join.memberId, timeline.profileAt(join, query.at, query.knownAt));
    joinedAt.set(join.memberId, join.occurredAt);
  }
  return joinedAt;
}

/**
 * Members whose join in effect at `knownAt` is dated by `at`, in join order, and those of them who
 * had left by `at` (they stay nodes only when a record of the window names them).
 */
export function joinedBy(
  history: CommunityHistory,
  { at, knownAt }: GraphQuery,
): { present: { timeline: MemberTimeline; join: MemberJoin }[]; gone: Set<string> } {
  const present: { timeline: MemberTimeline; join: MemberJoin }[] = [];
  const gone = new Set<string>();
  for (const ref of history.joins.between(Number.NEGATIVE_INFINITY, at)) {
    const timeline = history.member(ref.memberId);
    // Only the join in effect at knownAt places the member (a second join would be an odd log).
    if (!timeline || timeline.joinKnownAt(knownAt) !== ref.ordinal) continue;
    present.push({ timeline, join: timeline.joins[ref.ordinal]! });
    if (timeline.leftBy(at, knownAt)) gone.add(ref.memberId);
  }
  return { present, gone };
}

/** Ties per layer, weighted by count or decay, between members that are nodes. */
function addTies(graph: CommunityGraph, query: GraphQuery, facts: WindowFacts): void {
  const selected: ReadonlySet<TieLayer> = new Set(query.layers ?? tieLayers);
  const { at, halfLife } = query;
  // 2^(−Δ/h) is exp(−ln2·Δ/h), exact for whole half-lives.
  const decay = halfLife === undefined ? () => 1 : (t: number) => 2 ** (-(at - t) / halfLife);
  const isNode = (memberId: string) => graph.hasNode(memberId);
  const ties = new TieAccumulator();
  for (const interaction of facts.interactions) {
    if (!selected.has(interaction.kind) || !isNode(interaction.from)) continue;
    const amount = interaction.weight * decay(interaction.occurredAt);
    const mutual = isMutualKind(interaction.kind);
    // `from` gives, each `to` receives; a mutual kind runs both ways.
    for (const to of interaction.to.filter(isNode)) {
      ties.add(interaction.from, to, interaction.kind, amount);
      if (mutual) ties.add(to, interaction.from, interaction.kind, amount);
    }
  }
  const led = selected.has("led");
  const coAttendance = selected.has("co-attendance");
  if (led || coAttendance) {
    for (const gathering of facts.gatherings) {
      const participants = distinctNodes(gathering, isNode);
      const amount = decay(gathering.occurredAt);
      if (led) addLed(ties, participants, amount);
      // Every ordered pair of distinct participants; the accumulator skips self-pairs.
      if (coAttendance) {
        for (const a of participants) {
          for (const b of participants) ties.add(a.memberId, b.memberId, "co-attendance", amount);
        }
      }
    }
  }
  const minWeight = query.minWeight ?? 0;
  for (const { source, target, layers, weight } of ties.ties()) {
    if (weight >= minWeight) graph.addDirectedEdgeWithKey(`${source}->${target}`, source, target, { weight, layers });
  }
}

type Participant = GatheringRecord["participants"][number];

/** The gathering's participants that are nodes, each once (the decider refuses repeats; the log might not). */
function distinctNodes(gathering: GatheringRecord, isNode: (memberId: string) => boolean): Participant[] {
  const seen = new Set<string>();
  const participants: Participant[] = [];
  for (const participant of gathering.participants) {
    if (seen.has(participant.memberId) || !isNode(participant.memberId)) continue;
    seen.add(participant.memberId);
    participants.push(participant);
  }
  return participants;
}

/** `led`: from each giver-class participant to each receiver-class one; peers get none. */
function addLed(ties: TieAccumulator, participants: readonly Participant[], amount: number): void {
  const givers = participants.filter(({ role }) => roleClass(role) === "giver");
  const receivers = participants.filter(({ role }) => roleClass(role) === "receiver");
  for (const giver of givers) {
    for (const receiver of receivers) ties.add(giver.memberId, receiver.memberId, "led", amount);
  }
}

export function interactionFact({
  id,
  kind,
  from,
  to,
  occurredAt,
  weight,
  format,
}: InteractionRecord): InteractionFact {
  return { id, kind, from, to, occurredAt, weight, ...(format !== undefined && { format }) };
}

export function gatheringFact({ id, format, occurredAt, participants }: GatheringRecord): GatheringFact {
  return { id, format, occurredAt, participants };
}
