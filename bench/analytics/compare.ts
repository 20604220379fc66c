// Measure 8: /v1/compare over every community of the 200-community log for 6 of the compare page's
// indicators (web/src/pages/compare/compare-rows.ts), the engine loaded (a first compare, not
// counted, waits for the read model). Each run asks a new date. Should the server refuse that many
// communities in one request (400), the ids go in requests of its cap, one after another, timed together.
import { median } from "../support/stats.js";
import type { CopgraphServer } from "./copgraph-serve.js";
import { fmt, type MeasureOutcome } from "./measure.js";
import type { SuiteOptions } from "./options.js";
import { budgetedRuns, withCpu } from "./runs.js";
import { answerWords, query, timedGet } from "./timed-get.js";

export const compareIndicators = [
  "silo.ei",
  "silo.assortativity",
  "diversity.iqv",
  "reciprocity.rho",
  "network.density",
  "network.members",
];

/** The cap of `communities` in GET /v1/compare when the server refuses more (services/api/src/routes/compare.ts). */
const FALLBACK_PER_REQUEST = 50;

export async function measureCompare(
  options: SuiteOptions,
  server: CopgraphServer,
  communityIds: readonly string[],
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  let perRequest = communityIds.length;
  const compareAt = async (at: string) => {
    const started = performance.now();
    let bytes = 0;
    for (let start = 0; start < communityIds.length; start += perRequest) {
      const ids = communityIds.slice(start, start + perRequest);
      const path = `/v1/compare${query({ at, indicators: compareIndicators.join(","), communities: ids.join(",") })}`;
      const answer = await timedGet(server.url, path, options.requestTimeoutMs);
      if (answer.status === 400 && perRequest > FALLBACK_PER_REQUEST) {
        perRequest = FALLBACK_PER_REQUEST;
        log(`   the server refused ${ids.length} communities in one request: asking ${perRequest} at a time`);
        return compareAt(at);
      }
      if (answer.status !== 200) throw new Error(answerWords(answer, "compare"));
      bytes += answer.bytes;
    }
    return { at, ms: performance.now() - started, bytes, requests: Math.ceil(communityIds.length / perRequest) };
  };
  const result = await budgetedRuns(
    options.runs,
    options.measureBudgetMs,
    (index) => withCpu([server.pid], () => compareAt(new Date(Date.now() - (index + 1) * 17 * 60_000).toISOString())),
    (run, label) =>
      log(
        `   ${label}: ${fmt(run.value.ms)} ms in ${run.value.requests} request(s), ${fmt(run.value.bytes / 1024)} KiB; other CPU ${run.cpu.otherPercent} %`,
      ),
  );
  const ms = median(result.runs.map((run) => run.value.ms));
  return {
    figure: `${fmt(ms / 1000, 2)} s for ${communityIds.length} communities${perRequest < communityIds.length ? ` (${perRequest} per request: the server's cap)` : ""}`,
    met: ms < 2000,
    raw: { ms, perRequest, indicators: compareIndicators, ...result },
  };
}
