// What the API thread and an analytics thread say to each other. Messages on one port arrive in
// the order sent: a task posted after some events is computed on a replica that holds them.
import type {
  GraphQuery,
  HistoryCheckpoint,
  IndicatorOptions,
  IndicatorValues,
  RoundChain,
  RoundChainQuery,
  StoredEvent,
  SurveyResponses,
} from "@copgraph/analytics";
import type { GroupSizes } from "./group-sizes.js";

/** Given to a thread when it starts. */
export interface AnalyticsThreadData {
  /**
   * One Int32 the API thread writes the id of a task it gave up on into; the thread reads it
   * between indicators and stops that task.
   */
  readonly stop: SharedArrayBuffer;
}

/** One event the read model applied, for the replicas that hold its community. */
export interface AppliedEvent {
  readonly communityId: string;
  readonly stored: StoredEvent;
}

/** Indicators of one community for one query, computed on the thread's replica. */
export interface AnalyticsTask {
  /** Unique per pool; the stop flag names it. */
  readonly id: number;
  readonly communityId: string;
  /** The revision the caller's view was resolved at: the replica holds at least this much. */
  readonly revision: number;
  readonly graphQuery: GraphQuery;
  readonly options: IndicatorOptions;
  /** Indicator ids (all when undefined), already known to the catalogue. */
  readonly ids: readonly string[] | undefined;
  /** Also count the members of each group `options.attribute` forms (for agencies' suppression). */
  readonly groupSizes: boolean;
  /** A survey round's chain test on the community's recorded history (its permutations are the heavy part). */
  readonly chain?: ChainAsk;
}

/** What a round's chain test reads besides the community's history: its answers and how to test. */
export interface ChainAsk extends RoundChainQuery {
  readonly responses: SurveyResponses;
}

/** What a task computed. */
export interface TaskResult {
  readonly values: IndicatorValues;
  readonly groupSizes?: GroupSizes;
  readonly chain?: RoundChain;
}

export type ToAnalyticsThread =
  /** A community's history as the read model holds it now: the replica starts holding it. */
  | {
      readonly kind: "seed";
      readonly communityId: string;
      readonly revision: number;
      readonly history: HistoryCheckpoint;
    }
  | { readonly kind: "events"; readonly events: readonly AppliedEvent[] }
  /** The replica lets the community go (memory): it is seeded again before its next task. */
  | { readonly kind: "drop"; readonly communityId: string }
  | { readonly kind: "task"; readonly task: AnalyticsTask };

export type FromAnalyticsThread =
  /** The thread's code is loaded. */
  | { readonly kind: "ready" }
  | { readonly kind: "done"; readonly id: number; readonly result: TaskResult }
  | { readonly kind: "stopped"; readonly id: number }
  | { readonly kind: "failed"; readonly id: number; readonly message: string };

/** What a thread answers to a task. */
export type TaskAnswer = Exclude<FromAnalyticsThread, { readonly kind: "ready" }>;
