import type { CommunityEvent } from "@copgraph/domain";

/** One event of a community stream as the store returns it: both clocks and its log position. */
export interface StoredEvent {
  readonly event: CommunityEvent;
  /** Transaction time: when copgraph learned it (ms since epoch). */
  readonly recordedAt: number;
  /** Position in the community stream; breaks ties between facts with the same valid time. */
  readonly revision: number;
}
