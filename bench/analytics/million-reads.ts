import type { CopgraphServer } from "./copgraph-serve.js";
import { sampleDates, seededFraction } from "./date-samples.js";
import { freshDateRuns } from "./fresh-date-runs.js";
import { fmt, type MeasureOutcome } from "./measure.js";
import type { SuiteOptions } from "./options.js";
import { answerWords, getOk, query, timedGet } from "./timed-get.js";

/** The readings of issue 15's table: ties, density, E-I (with its baseline), reciprocity, IQV. */
export const viewReadings = ["network.ties", "network.density", "silo.ei", "reciprocity.dyadic", "diversity.iqv"];

export interface CommunitySpan {
  readonly communityId: string;
  readonly registeredAt: number;
  readonly lastOccurredAt: number;
  readonly members: number;
}

export async function communitySpan(
  server: CopgraphServer,
  communityId: string,
  timeoutMs: number,
): Promise<CommunitySpan> {
  const summary = await getOk<{ registeredAt: string; lastOccurredAt: string; members: number }>(
    server.url,
    `/v1/communities/${communityId}`,
    timeoutMs,
  );
  return {
    communityId,
    registeredAt: Date.parse(summary.registeredAt),
    lastOccurredAt: Date.parse(summary.lastOccurredAt),
    members: summary.members,
  };
}

export const readingsPath = (communityId: string, at: string) =>
  `/v1/communities/${communityId}/indicators${query({ at, indicators: viewReadings.join(",") })}`;

/** Seeded dates between 5 % into the history and its last event, each at a random millisecond. */
export function pastDates(span: CommunitySpan, count: number, seed = 15): string[] {
  const length = span.lastOccurredAt - span.registeredAt;
  return Array.from({ length: count }, (_, i) =>
    new Date(Math.round(span.registeredAt + length * (0.05 + 0.95 * seededFraction(seed, i)))).toISOString(),
  );
}

export async function measurePastReadings(
  options: SuiteOptions,
  server: CopgraphServer,
  span: CommunitySpan,
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  // One read first, not counted: the server has just started, and its first answer (what loading the
  // engine costs) is the restart measure's.
  const warm = await timedGet(server.url, readingsPath(span.communityId, freshDate(span, 1)), options.requestTimeoutMs);
  log(
    `   warm-up (the readings at the last date): ${warm.status === 200 ? `${fmt(warm.ms)} ms` : answerWords(warm, "")}`,
  );
  const dates = pastDates(span, options.pastDates);
  const samples = await sampleDates(
    server,
    dates,
    (at) => [readingsPath(span.communityId, at)],
    options.requestTimeoutMs,
    log,
  );
  return {
    figure: `p95 ${fmt(samples.p95Ms)} ms (median ${fmt(samples.medianMs)}, max ${fmt(samples.maxMs)}, ${dates.length} dates${samples.failed ? `, ${samples.failed} failed` : ""})`,
    met: samples.failed === 0 && samples.p95Ms < 200,
    raw: { indicators: viewReadings, dates, warmupMs: warm.ms, ...samples },
  };
}

/** A date in the last days of the history no other measure asks: `slot` minutes before its last event. */
export const freshDate = (span: CommunitySpan, slot: number) =>
  new Date(span.lastOccurredAt - slot * 60_000).toISOString();

export async function measureFullReport(
  options: SuiteOptions,
  server: CopgraphServer,
  span: CommunitySpan,
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  const result = await freshDateRuns(
    options,
    server,
    (index) => freshDate(span, 41 * (index + 1)),
    (at) => `/v1/communities/${span.communityId}/indicators${query({ at })}`,
    log,
  );
  const { ms, bytes } = result;
  return {
    figure: `${fmt(ms / 1000, 1)} s, ${fmt(bytes / 1e6, 2)} MB`,
    met: ms < 15_000 && bytes < 1e6,
    raw: result,
  };
}
