import { addDuration, durationSteps, parseDuration, type TimelineResponse } from "@copgraph/contract";
import { api, type QueryParams } from "../../core/api.js";

const MONTH = parseDuration("P1M")!;
const YEAR = parseDuration("P1Y")!;

/**
 * The trend's dates: each month over the last twelve, oldest first, counted from the first as the
 * timeline route counts its dates, so both kinds of trend read the same days.
 */
export function monthlySteps(now = new Date()): string[] {
  const start = addDuration(now.getTime(), YEAR, -1);
  return durationSteps(start, now.getTime(), MONTH, 13).map((at) => new Date(at).toISOString());
}

/**
 * A monthly trend of a windowed reading (e.g. active members in the 90 days before each date),
 * one indicators read per date. The timeline endpoint would do it in one request, but it refuses
 * `window` next to its own required `from` (400 "give at most one of from, window and halfLife"),
 * although docs/indicators.md shows that query; until it accepts it, the dates are read one by one.
 */
export async function windowedTrend(
  communityId: string,
  query: QueryParams,
  indicators: readonly string[],
  steps: readonly string[],
): Promise<TimelineResponse> {
  const reads = await Promise.all(
    steps.map((at) => api.indicators(communityId, { ...query, at, indicators: indicators.join(",") })),
  );
  const series: TimelineResponse["series"] = {};
  for (const id of indicators) {
    series[id] = {
      version: reads.at(-1)?.indicators[id]?.version ?? 1,
      values: reads.map((read) => read.indicators[id]?.value ?? null),
      baselines: reads.map((read) => read.indicators[id]?.baseline ?? null),
    };
  }
  return { communityId, query: reads.at(-1)!.query, steps: [...steps], series };
}
