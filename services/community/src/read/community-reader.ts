import {
  type CommunityHistory,
  type CommunitySnapshot,
  type CompactSnapshot,
  EngineCache,
  engineIndicators,
  type IndicatorOptions,
  type IndicatorValues,
  indicatorById,
  queryKey,
  type RoundChain,
  roundChainTest,
  UnknownIndicatorError,
} from "@copgraph/analytics";
import type { GraphQueryParams } from "@copgraph/contract";
import { AnalyticsBudget } from "../analytics/analytics-budget.js";
import type { AnalyticsPool } from "../analytics/analytics-pool.js";
import { type GroupSizes, groupSizesOfMembers } from "../analytics/group-sizes.js";
import type { AnalyticsTask, ChainAsk, TaskResult } from "../analytics/worker-protocol.js";
import { CommunityNotFound, ReadModelBehind, UnknownIndicator } from "../errors.js";
import type { CommunityWriter } from "../write/community-writer.js";
import type { CommunityHistories, ProjectedCommunity } from "./community-histories.js";
import { withDeadline } from "./deadline.js";
import { PerCommunityCache } from "./per-community-cache.js";
import { type Resolved, resolveQuery } from "./resolve-query.js";
import { SerialisedBodies } from "./serialised-bodies.js";
import { valuesSize } from "./values-size.js";

const MAX_CACHED_PER_COMMUNITY = 64;
const MIB = 1024 * 1024;
/** Longest a read waits for the read model to reach the community's revision. */
const CATCH_UP_DEADLINE_MS = 10_000;
const CATCH_UP_RETRY_AFTER_S = 5;
/** Time budget of a request's analytics when the reader is given none. */
export const DEFAULT_ANALYTICS_BUDGET_MS = 30_000;

/** Where heavy indicators run, and for how long a request may use them. */
export interface ReaderAnalytics {
  readonly pool: AnalyticsPool;
  /** Time budget of one request's analytics, ms. */
  readonly budgetMs: number;
}

export interface CommunityView extends Resolved {
  readonly communityId: string;
  readonly name: string;
  /** Projected on this thread on first use only: indicators computed in the pool never need it here. */
  readonly snapshot: CommunitySnapshot;
  /** The same community as typed arrays: what a graph body is drawn from without a graph of objects. */
  readonly compact: CompactSnapshot;
  /** The community's full bitemporal history (for exports that replay it). */
  readonly history: CommunityHistory;
}

/**
 * Answers read queries: the community as of a query, and its indicators computed once per
 * (community revision, query) — a new event for a community drops only that community's results.
 */
export class CommunityReader {
  /** The community as of recent queries, projected by the engine, for routes that read it here. */
  private readonly engineViews = new EngineCache(16);
  private readonly results = new PerCommunityCache<IndicatorValues>(MAX_CACHED_PER_COMMUNITY, 256 * MIB, valuesSize);
  private readonly groupSizes = new PerCommunityCache<GroupSizes>(MAX_CACHED_PER_COMMUNITY);
  private readonly bodies = new SerialisedBodies(8);
  /** Each view's entry in the read model: what seeds an analytics thread with its community. */
  private readonly projectedOf = new WeakMap<CommunityView, ProjectedCommunity>();

  constructor(
    private readonly writer: CommunityWriter,
    private readonly histories: CommunityHistories,
    private readonly clock: () => Date,
    private readonly analytics?: ReaderAnalytics,
  ) {
    histories.onChange((communityId) => {
      this.results.drop(communityId);
      this.groupSizes.drop(communityId);
    });
  }

  async view(communityId: string, params: GraphQueryParams): Promise<CommunityView> {
    const { projected, name } = await this.projected(communityId);
    const resolved = resolveQuery(params, this.clock(), projected.revision, projected.history);
    const engineViews = this.engineViews;
    let snapshot: CommunitySnapshot | undefined;
    const view: CommunityView = {
      communityId,
      name,
      history: projected.history,
      ...resolved,
      get snapshot() {
        snapshot ??= engineViews.get(projected.history, resolved.graphQuery).snapshot;
        return snapshot;
      },
      get compact() {
        return engineViews.get(projected.history, resolved.graphQuery).compact;
      },
    };
    this.projectedOf.set(view, projected);
    return view;
  }

  /** A request's analytics budget (the reader's setting); `caller` aborts when the client goes away. */
  budget(caller?: AbortSignal): AnalyticsBudget {
    return new AnalyticsBudget(this.analytics?.budgetMs ?? DEFAULT_ANALYTICS_BUDGET_MS, caller);
  }

  /**
   * Indicators of a view, by id (all when `ids` is undefined), computed in the analytics pool
   * within the request's `budget` (one of its own when none is given): past it, or when the
   * caller goes away, the computation stops and this rejects with the budget's reason
   * (AnalyticsBudgetExceeded, AnalyticsBusy, AnalyticsCancelled). Throws UnknownIndicator for an
   * id not in the catalogue. Without a pool (commands, tests of the reader) it computes here.
   */
  async indicatorsInWorker(
    view: CommunityView,
    ids: readonly string[] | undefined,
    budget?: AnalyticsBudget,
  ): Promise<IndicatorValues> {
    const key = resultKey(view, ids);
    const hit = this.results.get(view.communityId, key);
    if (hit) return hit;
    if (!this.analytics) return this.indicators(view, ids);
    const unknown = ids?.find((id) => !indicatorById.has(id));
    if (unknown !== undefined)
      throw new UnknownIndicator(new UnknownIndicatorError(unknown, [...indicatorById.keys()]).message);
    const { values } = await this.inPool(view, { ids, groupSizes: false }, budget);
    this.results.set(view.communityId, key, values);
    return values;
  }

  /** The view's members in total and per group of its attribute (what agencies' suppression reads), counted in the pool. */
  async groupSizesInWorker(view: CommunityView, budget?: AnalyticsBudget): Promise<GroupSizes> {
    const key = resultKey(view, []);
    const hit = this.groupSizes.get(view.communityId, key);
    if (hit) return hit;
    const sizes = this.analytics
      ? ((await this.inPool(view, { ids: [], groupSizes: true }, budget)).groupSizes as GroupSizes)
      : groupSizesOfMembers(
          this.engineViews.get(view.history, view.graphQuery).compact.attributes,
          view.options.attribute,
        );
    this.groupSizes.set(view.communityId, key, sizes);
    return sizes;
  }

  /**
   * Indicators of a view computed on this thread; throws UnknownIndicator for an id not in the
   * catalogue. Only graph.ts still calls it (it moves to indicatorsInWorker): it blocks the API
   * thread for as long as the computation takes.
   */
  indicators(view: CommunityView, ids?: readonly string[]): IndicatorValues {
    const key = resultKey(view, ids);
    const hit = this.results.get(view.communityId, key);
    if (hit) return hit;
    let values: IndicatorValues;
    try {
      values = engineIndicators(this.engineViews.get(view.history, view.graphQuery), view.options, ids);
    } catch (error) {
      // Only an unknown id: any other error of the computation is not the caller's to fix.
      if (error instanceof UnknownIndicatorError) throw new UnknownIndicator(error.message);
      throw error;
    }
    this.results.set(view.communityId, key, values);
    return values;
  }

  /**
   * A survey round's chain test on the view's recorded history (its community, known at the
   * view's knownAt), in the analytics pool within `budget` as indicatorsInWorker is; here without a pool.
   */
  async chainInWorker(view: CommunityView, ask: ChainAsk, budget?: AnalyticsBudget): Promise<RoundChain> {
    if (!this.analytics) return roundChainTest(view.history, ask.responses, ask);
    const { chain } = await this.inPool(view, { ids: [], groupSizes: false, chain: ask }, budget);
    return chain as RoundChain;
  }

  private async inPool(
    view: CommunityView,
    asked: Pick<AnalyticsTask, "ids" | "groupSizes" | "chain">,
    budget: AnalyticsBudget | undefined,
  ): Promise<TaskResult> {
    const { pool } = this.analytics as ReaderAnalytics;
    const projected = this.projectedOf.get(view);
    if (!projected) throw new Error("the analytics pool takes only views this reader made");
    const own = budget ? undefined : this.budget();
    try {
      const { communityId, graphQuery, options } = view;
      const task = { communityId, revision: view.resolved.revision, graphQuery, options, ...asked };
      return await pool.run(task, projected, (budget ?? own)?.signal);
    } finally {
      own?.release();
    }
  }

  /**
   * A response body about a view as JSON text, made once per (revision, query, what): only for
   * bodies that are the same for every caller who may read them.
   */
  serialised(view: CommunityView, what: string, ids: readonly string[] | undefined, build: () => unknown): string {
    return this.bodies.get(view.communityId, `${what}|${resultKey(view, ids)}`, build);
  }

  private async projected(communityId: string): Promise<{ projected: ProjectedCommunity; name: string }> {
    const summary = await this.writer.head(communityId);
    if (!summary) throw new CommunityNotFound(communityId);
    // The read model follows the log within milliseconds; a long wait means it is stuck (or still
    // reading a large log at start): refuse rather than keep the caller waiting.
    const projected = await withDeadline(
      CATCH_UP_DEADLINE_MS,
      () => new ReadModelBehind(communityId, summary.revision, CATCH_UP_DEADLINE_MS / 1000, CATCH_UP_RETRY_AFTER_S),
      (signal) => this.histories.at(communityId, summary.revision, signal),
    );
    if (!projected) throw new CommunityNotFound(communityId);
    return { projected, name: summary.name };
  }
}

const resultKey = (view: CommunityView, ids: readonly string[] | undefined) =>
  [view.resolved.revision, queryKey(view.graphQuery), optionsKey(view.options), ids?.join(",") ?? "*"].join("|");

const optionsKey = ({ attribute, seed, permutations, exact }: IndicatorOptions) =>
  `${attribute}|${seed}|${permutations}|${exact === true}`;
