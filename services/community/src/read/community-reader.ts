import {
  type CommunityHistory,
  type CommunitySnapshot,
  computeIndicators,
  type IndicatorOptions,
  type IndicatorValues,
  queryKey,
  SnapshotCache,
  UnknownIndicatorError,
} from "@copgraph/analytics";
import type { GraphQueryParams } from "@copgraph/contract";
import { CommunityNotFound, ReadModelBehind, UnknownIndicator } from "../errors.js";
import type { CommunityWriter } from "../write/community-writer.js";
import type { CommunityHistories, ProjectedCommunity } from "./community-histories.js";
import { withDeadline } from "./deadline.js";
import { type Resolved, resolveQuery } from "./resolve-query.js";
import { SerialisedBodies } from "./serialised-bodies.js";

const MAX_CACHED_PER_COMMUNITY = 64;
/** Longest a read waits for the read model to reach the community's revision. */
const CATCH_UP_DEADLINE_MS = 10_000;
const CATCH_UP_RETRY_AFTER_S = 5;

export interface CommunityView extends Resolved {
  readonly communityId: string;
  readonly name: string;
  readonly snapshot: CommunitySnapshot;
  /** The community's full bitemporal history (for exports that replay it). */
  readonly history: CommunityHistory;
}

/**
 * Answers read queries: the community as of a query, and its indicators computed once per
 * (community revision, query) — a new event for a community drops only that community's results.
 */
export class CommunityReader {
  private readonly snapshots = new SnapshotCache(16);
  private readonly results = new Map<string, Map<string, IndicatorValues>>();
  private readonly bodies = new SerialisedBodies(8);

  constructor(
    private readonly writer: CommunityWriter,
    private readonly histories: CommunityHistories,
    private readonly clock: () => Date,
  ) {
    histories.onChange((communityId) => this.results.delete(communityId));
  }

  async view(communityId: string, params: GraphQueryParams): Promise<CommunityView> {
    const { projected, name } = await this.projected(communityId);
    const resolved = resolveQuery(params, this.clock(), projected.revision, projected.history);
    const snapshot = this.snapshots.get(projected.history, resolved.graphQuery);
    return { communityId, name, snapshot, history: projected.history, ...resolved };
  }

  /** Indicators of a view, by id (all when `ids` is undefined); throws UnknownIndicator for an id not in the catalogue. */
  indicators(view: CommunityView, ids?: readonly string[]): IndicatorValues {
    const key = resultKey(view, ids);
    let cached = this.results.get(view.communityId);
    const hit = cached?.get(key);
    if (hit) return hit;
    let values: IndicatorValues;
    try {
      values = computeIndicators(view.snapshot, view.options, ids);
    } catch (error) {
      // Only an unknown id: any other error of the computation is not the caller's to fix.
      if (error instanceof UnknownIndicatorError) throw new UnknownIndicator(error.message);
      throw error;
    }
    if (!cached) {
      cached = new Map();
      this.results.set(view.communityId, cached);
    }
    if (cached.size >= MAX_CACHED_PER_COMMUNITY) cached.delete(cached.keys().next().value as string);
    cached.set(key, values);
    return values;
  }

  /**
   * A response body about a view as JSON text, made once per (revision, query, what): only for
   * bodies that are the same for every caller who may read them.
   */
  serialised(view: CommunityView, what: string, ids: readonly string[] | undefined, build: () => unknown): string {
    return this.bodies.get(view.communityId, `${what}|${resultKey(view, ids)}`, build);
  }

  private async projected(communityId: string): Promise<{ projected: ProjectedCommunity; name: string }> {
    const log = await this.writer.current(communityId);
    const summary = log.summary();
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

const optionsKey = (options: IndicatorOptions) => `${options.attribute}|${options.seed}|${options.permutations}`;
