// Measure 5: the first answer after a restart on the 1,000,000-event log: stop the server, start it
// again, time from starting the process to the community view's readings answered (at a new date).
import { median } from "../support/stats.js";
import { fmt, type MeasureOutcome } from "./measure.js";
import { type CommunitySpan, freshDate, readingsPath } from "./million-reads.js";
import type { SuiteOptions } from "./options.js";
import { budgetedRuns, withCpu } from "./runs.js";
import { answerWords, timedGet } from "./timed-get.js";
import type { TrackedServer } from "./tracked-server.js";

export async function measureRestart(
  options: SuiteOptions,
  tracked: TrackedServer,
  span: CommunitySpan,
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  const once = async (index: number) => {
    // A graceful stop may write the read model's checkpoint: give it time, and keep how long it took.
    const stopping = performance.now();
    await tracked.stop(300_000);
    const stopMs = performance.now() - stopping;
    const server = await tracked.start();
    const at = freshDate(span, 53 * (index + 1));
    const answer = await timedGet(server.url, readingsPath(span.communityId, at), options.requestTimeoutMs);
    if (answer.status !== 200) throw new Error(answerWords(answer, "first answer"));
    return { at, stopMs, listeningMs: server.startMs, answerMs: answer.ms, totalMs: server.startMs + answer.ms };
  };
  // The server's CPU cannot be followed across the restart: the window counts it as other CPU, so
  // only the machine's load before each run tells whether it was quiet (BENCH_MAX_OTHER_CPU is not applied).
  const result = await budgetedRuns(
    options.runs,
    options.measureBudgetMs,
    (index) => withCpu([], () => once(index)).then((run) => ({ ...run, cpu: { ...run.cpu, otherPercent: -1 } })),
    (run, label) =>
      log(
        `   ${label}: ${fmt(run.value.totalMs)} ms (listening after ${fmt(run.value.listeningMs)} ms, then the answer in ${fmt(run.value.answerMs)} ms; the stop before took ${fmt(run.value.stopMs)} ms); machine ${run.cpu.machinePercent} %`,
      ),
  );
  const ms = median(result.runs.map((run) => run.value.totalMs));
  return {
    figure: `${fmt(ms / 1000, 2)} s (listening ${fmt(median(result.runs.map((run) => run.value.listeningMs)) / 1000, 2)} s)`,
    met: ms < 2000,
    raw: { ms, ...result },
  };
}
