// The bitemporal projection: stored events → CommunityHistory → CommunitySnapshot for a query.
export { CheckpointUnusableError } from "./checkpoint-columns.js";
export {
  CommunityHistory,
  fromEvents,
  type HistoryState,
  type JoinRef,
  PROJECTION_VERSION,
} from "./community-history.js";
export type {
  CommunityGraph,
  CommunitySnapshot,
  GatheringFact,
  InteractionFact,
  MemberAttributes,
  TieAttributes,
} from "./community-snapshot.js";
export { epochMs } from "./epoch-ms.js";
export {
  fromCheckpoint,
  HISTORY_CHECKPOINT_FORMAT,
  type HistoryCheckpoint,
  toCheckpoint,
} from "./history-checkpoint.js";
export { historyStart } from "./history-start.js";
export { type MemberJoin, MemberTimeline, type ProfileChange, type TimelineFacts } from "./member-timeline.js";
export { projectSnapshot } from "./project-snapshot.js";
export { type GraphQuery, type TieLayer, tieLayers } from "./query.js";
export { queryKey } from "./query-key.js";
export type { GatheringRecord, InteractionRecord } from "./records.js";
export { compareDated, type Dated, type ReadonlySortedFacts, SortedFacts } from "./sorted-facts.js";
export type { StoredEvent } from "./stored-event.js";
export { type LayerWeights, TieAccumulator } from "./tie-accumulator.js";
export { namedIn, type WindowFacts, windowFacts } from "./window-facts.js";
