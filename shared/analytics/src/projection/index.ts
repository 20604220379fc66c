// The bitemporal projection: stored events → CommunityHistory → CommunitySnapshot for a query.
export { CommunityHistory, fromEvents, type JoinRef } from "./community-history.js";
export type {
  CommunityGraph,
  CommunitySnapshot,
  GatheringFact,
  InteractionFact,
  MemberAttributes,
  TieAttributes,
} from "./community-snapshot.js";
export { historyStart } from "./history-start.js";
export { type MemberJoin, MemberTimeline, type ProfileChange } from "./member-timeline.js";
export { projectSnapshot } from "./project-snapshot.js";
export { type GraphQuery, type TieLayer, tieLayers } from "./query.js";
export type { GatheringRecord, InteractionRecord } from "./records.js";
export { HistoryCache, queryKey, SnapshotCache } from "./snapshot-cache.js";
export { compareDated, type Dated, type ReadonlySortedFacts, SortedFacts } from "./sorted-facts.js";
export type { StoredEvent } from "./stored-event.js";
export { type LayerWeights, TieAccumulator } from "./tie-accumulator.js";
export { namedIn, type WindowFacts, windowFacts } from "./window-facts.js";
