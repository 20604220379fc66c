// Runs of one GET, each at a date not asked before (the run's index picks it): its time and size.
import { median } from "../support/stats.js";
import type { CopgraphServer } from "./copgraph-serve.js";
import { fmt } from "./measure.js";
import type { SuiteOptions } from "./options.js";
import { budgetedRuns, type Runs, withCpu } from "./runs.js";
import { answerWords, timedGet } from "./timed-get.js";

export interface AnswerRun {
  readonly at: string;
  readonly ms: number;
  readonly bytes: number;
}

export interface FreshDateRuns extends Runs<AnswerRun> {
  /** Medians over the measured runs. */
  readonly ms: number;
  readonly bytes: number;
}

export async function freshDateRuns(
  options: SuiteOptions,
  server: CopgraphServer,
  dateOf: (index: number) => string,
  pathAt: (at: string) => string,
  log: (line: string) => void,
): Promise<FreshDateRuns> {
  const result = await budgetedRuns(
    options.runs,
    options.measureBudgetMs,
    (index) =>
      withCpu([server.pid], async () => {
        const at = dateOf(index);
        const path = pathAt(at);
        const answer = await timedGet(server.url, path, options.requestTimeoutMs);
        if (answer.status !== 200) throw new Error(answerWords(answer, `GET ${path}`));
        return { at, ms: answer.ms, bytes: answer.bytes };
      }),
    (run, label) =>
      log(
        `   ${label}: ${fmt(run.value.ms)} ms, ${fmt(run.value.bytes / 1e6, 2)} MB; other CPU ${run.cpu.otherPercent} %`,
      ),
  );
  return {
    ...result,
    ms: median(result.runs.map((run) => run.value.ms)),
    bytes: median(result.runs.map((run) => run.value.bytes)),
  };
}
