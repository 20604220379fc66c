import {
  type CommunityHistory,
  defaultIndicatorOptions,
  type GraphQuery,
  historyStart,
  type IndicatorOptions,
  tieLayers,
} from "@copgraph/analytics";
import { addDuration, durationMs, type GraphQueryParams, parseDuration, type ResolvedQuery } from "@copgraph/contract";

export interface Resolved {
  readonly graphQuery: GraphQuery;
  readonly options: IndicatorOptions;
  readonly resolved: ResolvedQuery;
}

const MINUTE = 60_000;

/**
 * Fills the query's defaults (now, all layers, sector) and turns durations into dates. "Now" is
 * the end of the current minute: it includes everything recorded so far, and a query without
 * dates gives the same answer (and the same cache entry) for a minute unless the log grows.
 * A `from` or `window` reaching before the community's history starts where it starts.
 */
export function resolveQuery(
  params: GraphQueryParams,
  now: Date,
  revision: number,
  history: CommunityHistory,
): Resolved {
  const current = Math.ceil(now.getTime() / MINUTE) * MINUTE;
  const at = params.at === undefined ? current : Date.parse(params.at);
  const knownAt = params.knownAt === undefined ? current : Date.parse(params.knownAt);
  const window = params.window === undefined ? undefined : parseDuration(params.window);
  const halfLife = params.halfLife === undefined ? undefined : parseDuration(params.halfLife);
  const asked = params.from !== undefined ? Date.parse(params.from) : window ? addDuration(at, window, -1) : undefined;
  const from = asked === undefined ? undefined : clippedToHistory(asked, at, historyStart(history, knownAt));
  const layers = params.layers ?? [...tieLayers];
  const options: IndicatorOptions = {
    attribute: params.attribute ?? defaultIndicatorOptions.attribute,
    seed: params.seed ?? defaultIndicatorOptions.seed,
    permutations: params.permutations ?? defaultIndicatorOptions.permutations,
  };
  const graphQuery: GraphQuery = {
    at,
    knownAt,
    ...(from === undefined ? {} : { from }),
    ...(halfLife === undefined ? {} : { halfLife: durationMs(halfLife) }),
    ...(params.layers === undefined ? {} : { layers: params.layers }),
    minWeight: params.minWeight ?? 0,
  };
  return {
    graphQuery,
    options,
    resolved: {
      at: new Date(at).toISOString(),
      knownAt: new Date(knownAt).toISOString(),
      from: from === undefined ? null : new Date(from).toISOString(),
      halfLife: params.halfLife ?? null,
      layers: [...layers],
      attribute: options.attribute,
      minWeight: graphQuery.minWeight ?? 0,
      seed: options.seed,
      permutations: options.permutations,
      // As known at knownAt: a past knownAt echoes the revision it saw, not the latest.
      revision: Math.min(revision, history.revisionKnownAt(knownAt)),
    },
  };
}

/**
 * The start of a window, no earlier than the community's first fact: a window of a million years
 * answers as one from that fact (the same numbers, the same echoed query, the same cache entry)
 * and costs no work per period across years with nothing in them. A start too far back to be a
 * date (NaN) is such a window too. Before the history begins (`at` before its first fact, or no
 * fact known), every window starts at `at`.
 */
function clippedToHistory(from: number, at: number, start: number | undefined): number {
  const earliest = start === undefined ? at : Math.min(start, at);
  return Number.isNaN(from) || from < earliest ? earliest : from;
}
