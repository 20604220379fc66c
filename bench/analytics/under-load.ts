// Measure 9: /healthz and a cached read while 4 full reports of the 1,000,000-event community run.
// The reports (each at its own new date) are sent together; then every 100 ms for 20 s a /healthz and
// a cached read (the readings at a date already answered) are sent without waiting for earlier ones.
// A probe not answered 200 (no answer, or a refusal) counts as its whole timeout. The reports are
// abandoned afterwards (the client goes away, as a person closing the tab would).
import { percentile } from "../support/stats.js";
import type { CopgraphServer } from "./copgraph-serve.js";
import { fmt, type MeasureOutcome } from "./measure.js";
import { type CommunitySpan, freshDate, pastDates, readingsPath } from "./million-reads.js";
import type { SuiteOptions } from "./options.js";
import { withCpu } from "./runs.js";
import { query, type TimedAnswer, timedGet } from "./timed-get.js";

const PROBE_EVERY_MS = 100;
const PROBE_TIMEOUT_MS = 30_000;

interface Probe {
  readonly sentAtMs: number;
  readonly ms: number;
  readonly status: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureUnderLoad(
  options: SuiteOptions,
  server: CopgraphServer,
  span: CommunitySpan,
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  const cached = readingsPath(span.communityId, pastDates(span, 1)[0] as string);
  const warm = await timedGet(server.url, cached, options.requestTimeoutMs);
  if (warm.status !== 200) throw new Error(`the cached read: ${warm.error ?? warm.status}`);
  const again = await timedGet(server.url, cached, options.requestTimeoutMs);
  log(`   cached read alone: ${fmt(again.ms, 1)} ms`);

  const abandon = new AbortController();
  const run = await withCpu([server.pid], async () => {
    const started = performance.now();
    const reports = Array.from({ length: options.concurrentReports }, (_, i) =>
      timedGet(
        server.url,
        `/v1/communities/${span.communityId}/indicators${query({ at: freshDate(span, 61 * (i + 1)) })}`,
        options.requestTimeoutMs,
        abandon.signal,
      ),
    );
    const health: Promise<Probe>[] = [];
    const reads: Promise<Probe>[] = [];
    const probe = (path: string): Promise<Probe> => {
      const sentAtMs = performance.now() - started;
      return timedGet(server.url, path, PROBE_TIMEOUT_MS).then((answer: TimedAnswer) => ({
        sentAtMs,
        ms: answer.status === 200 ? answer.ms : Math.max(answer.ms, PROBE_TIMEOUT_MS),
        status: answer.status,
      }));
    };
    for (let tick = 0; tick < (options.healthSeconds * 1000) / PROBE_EVERY_MS; tick++) {
      health.push(probe("/healthz"));
      reads.push(probe(cached));
      await sleep(started + (tick + 1) * PROBE_EVERY_MS - performance.now());
    }
    const windowMs = performance.now() - started;
    const probes = { health: await Promise.all(health), reads: await Promise.all(reads) };
    abandon.abort();
    const answers = (await Promise.all(reports)).map(({ text: _text, ...rest }) => rest);
    const reportsDoneWithinWindow = answers.every((answer) => answer.status === 200 && answer.ms <= windowMs);
    return { ...probes, windowMs, reportsDoneWithinWindow, reports: answers };
  });
  const p99 = (probes: readonly Probe[]) =>
    percentile(
      probes.map((probe) => probe.ms),
      99,
    );
  const failed = [...run.value.health, ...run.value.reads].filter((probe) => probe.status !== 200).length;
  const healthP99 = p99(run.value.health);
  const readP99 = p99(run.value.reads);
  return {
    figure: `/healthz p99 ${fmt(healthP99, 1)} ms, cached read p99 ${fmt(readP99, 1)} ms (${run.value.health.length} each${failed ? `, ${failed} not answered 200, counted as ${PROBE_TIMEOUT_MS / 1000} s` : ""}; the reports ${run.value.reportsDoneWithinWindow ? "were done" : "were still running"} at the end of the window)`,
    met: failed === 0 && healthP99 < 50 && readP99 < 50,
    raw: { healthP99, readP99, cachedAloneMs: again.ms, ...run },
  };
}
