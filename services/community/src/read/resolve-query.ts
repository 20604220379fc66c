import {
  type CommunityHistory,
  defaultIndicatorOptions,
  type GraphQuery,
  historyStart,
  type IndicatorOptions,
  tieLayers,
} from "@copgraph/analytics";
import {
  addDuration,
  durationMs,
  type GraphQueryParams,
  parseDuration,
  queryCaps,
  type ResolvedQuery,
} from "@copgraph/contract";

export interface Resolved {
  readonly graphQuery: GraphQuery;
  readonly options: IndicatorOptions;
  readonly resolved: ResolvedQuery;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A query past one of the contract's caps (queryCaps): refused before any work, with the limit
 * named. `statusCode` 400 and `code` are what the API's error handler answers any such error with.
 */
export class QueryCapExceeded extends Error {
  readonly statusCode = 400;
  readonly code = "query_cap_exceeded";
  constructor(
    readonly cap: keyof typeof queryCaps,
    readonly limit: number,
    message: string,
  ) {
    super(message);
  }
}

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
  const start = historyStart(history, knownAt);
  const from = asked === undefined ? undefined : clippedToHistory(asked, at, start);
  refuseTooManyPeriods(at, from ?? start);
  const layers = params.layers ?? [...tieLayers];
  const options: IndicatorOptions = {
    attribute: params.attribute ?? defaultIndicatorOptions.attribute,
    seed: params.seed ?? defaultIndicatorOptions.seed,
    permutations: params.permutations ?? defaultIndicatorOptions.permutations,
    exact: params.exact ?? defaultIndicatorOptions.exact ?? false,
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
      exact: options.exact === true,
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

/**
 * The activity indicators' periods run from the window's start (or the first fact) to `at`: a far
 * `at` would make one per empty month up to it. Counted from the history's first fact, the most
 * any indicator could make.
 */
function refuseTooManyPeriods(at: number, start: number | undefined): void {
  if (start === undefined || !(at > start)) return;
  const periods = Math.ceil((at - start) / (queryCaps.periodDays * DAY));
  if (periods <= queryCaps.periods) return;
  throw new QueryCapExceeded(
    "periods",
    queryCaps.periods,
    `the query spans ${periods} periods of ${queryCaps.periodDays} days from ${new Date(start).toISOString()} to at=${new Date(at).toISOString()}; the cap is ${queryCaps.periods} periods: give a later from, a shorter window or an earlier at`,
  );
}
