import type { EventStore } from "@copgraph/event-store";
import { AnalyticsPool } from "./analytics/analytics-pool.js";
import { PersonalData } from "./personal/personal-data.js";
import type { PersonalVault } from "./personal/personal-vault.js";
import { CommunityHistories } from "./read/community-histories.js";
import { CommunityReader, DEFAULT_ANALYTICS_BUDGET_MS } from "./read/community-reader.js";
import { CheckpointFile } from "./read/read-model-checkpoint.js";
import { CommunityWriter } from "./write/community-writer.js";

export interface CommunitiesOptions {
  /**
   * Settle what a crash left half done (unsettled personal values, unfinished erasures) before
   * anything is read. Only the data folder's holder may: a command beside a running server must
   * not take the server's appends in flight for leftovers. Default true.
   */
  readonly recover?: boolean;
  /** Follow the log into the read model (a server); commands that only write leave it off. Default true. */
  readonly readModel?: boolean;
  /**
   * The read model's checkpoint file (CHECKPOINT_FILE in the data folder): a start resumes from it
   * instead of replaying the whole log. None: every start replays the log.
   */
  readonly checkpointFile?: string;
  /** Where heavy indicators run (with the read model only). */
  readonly analytics?: AnalyticsOptions;
}

export interface AnalyticsOptions {
  /** Worker threads (default: one less than the cores, at least one). */
  readonly threads?: number;
  /** Time budget of one request's analytics, ms (default 30 s). */
  readonly budgetMs?: number;
  /** Start the threads at once rather than at the first request (a server). Default false. */
  readonly startNow?: boolean;
  /** How long a thread told to stop may take before it is replaced, ms (default 5 s). */
  readonly stopGraceMs?: number;
  /** Estimated bytes of the communities each analytics thread may hold (default 1 GiB). */
  readonly replicaBudgetBytes?: number;
}

/** The application core over one event log and its vault, wired once. */
export interface Communities {
  readonly store: EventStore;
  /** The one door to names and free text. */
  readonly personal: PersonalData;
  /** Decides and appends, through the one write protocol. */
  readonly writer: CommunityWriter;
  /** The read model: each community's bitemporal history, followed from the log. */
  readonly histories: CommunityHistories;
  /** Answers read queries (views, indicators) over the read model. */
  readonly reader: CommunityReader;
  /** The threads heavy indicators run on; absent without the read model. */
  readonly analytics: AnalyticsPool | undefined;
  /** Stops following the log; the store and the vault stay the caller's to close. */
  close(): Promise<void>;
}

/** Wires writer, vault access, read model and reader over `store` and `vault`, with one clock. */
export async function openCommunities(
  store: EventStore,
  vault: PersonalVault,
  clock: () => Date,
  options: CommunitiesOptions = {},
): Promise<Communities> {
  const personal = new PersonalData(vault, store);
  if (options.recover ?? true) await personal.recover();
  const writer = new CommunityWriter(store, clock, personal);
  const checkpoint =
    options.checkpointFile === undefined ? {} : { checkpoint: new CheckpointFile(options.checkpointFile) };
  const histories = new CommunityHistories(store, checkpoint);
  const pool = options.readModel === false ? undefined : analyticsPool(histories, options.analytics);
  if (options.readModel ?? true) histories.start();
  const budgetMs = options.analytics?.budgetMs ?? DEFAULT_ANALYTICS_BUDGET_MS;
  const reader = new CommunityReader(writer, histories, clock, pool && { pool, budgetMs });
  return {
    store,
    personal,
    writer,
    histories,
    reader,
    analytics: pool,
    close: async () => {
      await histories.stop();
      await pool?.close();
    },
  };
}

/** Threads that replicate the communities they are asked about, fed every event the read model applies. */
function analyticsPool(histories: CommunityHistories, options: AnalyticsOptions = {}): AnalyticsPool {
  const pool = new AnalyticsPool({
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.stopGraceMs === undefined ? {} : { stopGraceMs: options.stopGraceMs }),
    ...(options.replicaBudgetBytes === undefined ? {} : { replicaBudgetBytes: options.replicaBudgetBytes }),
  });
  histories.onChange((communityId, _revision, stored) => pool.applied(communityId, stored));
  if (options.startNow) pool.start();
  return pool;
}
