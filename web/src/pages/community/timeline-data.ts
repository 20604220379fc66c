import { durationSteps, parseDuration, type TimelineResponse } from "@copgraph/contract";
import type { QueryParams } from "../../core/api.js";
import { reads } from "./requests.js";

export type Series = Pick<TimelineResponse, "steps" | "series">;

const MAX_STEPS = 200;

/** Months between two dates, and the step in months that keeps a series within the API's 200 dates. */
function monthStep(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  return Math.max(1, Math.ceil(months / (MAX_STEPS - 1)));
}

/**
 * Indicators month by month over the community's lifetime, with the view's query (less `at`).
 * With a window or a half-life the series is asked date by date: the timeline route reads its
 * `from` (first date) as the query's `from` too and refuses it together with `window`/`halfLife`.
 */
export async function loadSeries(
  communityId: string,
  registeredAt: string,
  query: QueryParams,
  ids: readonly string[],
  signal: AbortSignal,
): Promise<Series> {
  const start = Date.parse(registeredAt);
  const stride = monthStep(start, Date.now());
  const { at: _at, ...rest } = query;
  if (rest.window === undefined && rest.halfLife === undefined) {
    return reads.timeline(
      communityId,
      { ...rest, from: registeredAt, step: `P${stride}M`, indicators: ids.join(",") },
      signal,
    );
  }
  // The dates the timeline route would read (from + k × step).
  const steps = durationSteps(start, Date.now(), parseDuration(`P${stride}M`)!, MAX_STEPS).map((at) =>
    new Date(at).toISOString(),
  );
  const series: Series["series"] = {};
  // A few at a time: the server computes each date in turn anyway.
  for (let i = 0; i < steps.length; i += 4) {
    const batch = steps.slice(i, i + 4);
    const answers = await Promise.all(
      batch.map((at) => reads.indicators(communityId, { ...rest, at, indicators: ids.join(",") }, signal)),
    );
    answers.forEach((answer, j) => {
      for (const [id, value] of Object.entries(answer.indicators)) {
        const entry = series[id] ?? { version: value.version, values: [], baselines: [] };
        series[id] = entry;
        entry.values[i + j] = value.value;
        entry.baselines![i + j] = value.baseline ?? null;
      }
    });
  }
  return { steps, series };
}
