import { defaultIndicatorOptions, type GraphQuery, type IndicatorOptions, tieLayers } from "@copgraph/analytics";
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
 */
export function resolveQuery(params: GraphQueryParams, now: Date, revision: number): Resolved {
  const current = Math.ceil(now.getTime() / MINUTE) * MINUTE;
  const at = params.at === undefined ? current : Date.parse(params.at);
  const knownAt = params.knownAt === undefined ? current : Date.parse(params.knownAt);
  const window = params.window === undefined ? undefined : parseDuration(params.window);
  const halfLife = params.halfLife === undefined ? undefined : parseDuration(params.halfLife);
  const from = params.from !== undefined ? Date.parse(params.from) : window ? addDuration(at, window, -1) : undefined;
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
      revision,
    },
  };
}
