// Measure 2: the full indicator report of the 2,000-member / 50,000-tie community, exact mode, at a
// date not asked before, and networkx's subset of it on the same graph in the same run.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median } from "../support/stats.js";
import type { CommunityHistory } from "../web/community.js";
import type { CopgraphServer } from "./copgraph-serve.js";
import { writeGraphFile } from "./graph-file.js";
import { fmt, type MeasureOutcome } from "./measure.js";
import type { SuiteOptions } from "./options.js";
import { budgetedRuns, withCpu } from "./runs.js";
import { answerWords, query, timedGet } from "./timed-get.js";

const script = fileURLToPath(new URL("./networkx-subset.py", import.meta.url));
const run = promisify(execFile);

interface NetworkxRun {
  readonly totalSeconds: number;
  readonly cpuSeconds: number;
  readonly seconds: Record<string, number>;
  readonly values: Record<string, number | null>;
  readonly nodes: number;
  readonly edges: number;
}

interface ReportRun {
  readonly at: string;
  readonly serverMs: number;
  readonly bytes: number;
  readonly exactAsked: boolean;
  /** The answer names a mode (exact or approximate) somewhere, as issue 15 asks. */
  readonly modeDeclared: boolean;
  /** The resolved query says exact values were asked. */
  readonly exactEchoed: boolean;
  readonly serverDensity: number | null;
  readonly networkx: NetworkxRun;
  readonly networkxProcessSeconds: number;
}

export async function measureReportVsNetworkx(
  options: SuiteOptions,
  server: CopgraphServer,
  communityId: string,
  history: CommunityHistory,
  workDir: string,
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  let exact = true;
  const once = async (index: number): Promise<ReportRun> => {
    // A date nobody asked before: 37 minutes apart per run, in the last day of the history.
    const at = history.end - (index + 1) * 37 * 60_000;
    const iso = new Date(at).toISOString();
    const path = `/v1/communities/${communityId}/indicators`;
    let answer = await timedGet(
      server.url,
      path + query({ at: iso, exact: exact || undefined }),
      options.requestTimeoutMs,
    );
    if (answer.status === 400 && exact) {
      exact = false;
      log("   the server refused exact=true: asking the default mode");
      answer = await timedGet(
        server.url,
        path + query({ at: new Date(at - 1000).toISOString() }),
        options.requestTimeoutMs,
      );
    }
    if (answer.status !== 200) throw new Error(answerWords(answer, "full report"));
    const body = JSON.parse(answer.text) as {
      query: { exact?: boolean };
      indicators: Record<string, { value: number | null }>;
    };
    const file = join(workDir, `graph-${index}.tsv`);
    writeGraphFile(history, at, file);
    const started = performance.now();
    const { stdout } = await run("python3", [script, file], { timeout: options.requestTimeoutMs, maxBuffer: 1 << 24 });
    return {
      at: iso,
      serverMs: answer.ms,
      bytes: answer.bytes,
      exactAsked: exact,
      exactEchoed: body.query.exact === true,
      modeDeclared: /"mode"\s*:/.test(answer.text),
      serverDensity: body.indicators["network.density"]?.value ?? null,
      networkx: JSON.parse(stdout) as NetworkxRun,
      networkxProcessSeconds: (performance.now() - started) / 1000,
    };
  };
  const result = await budgetedRuns(
    options.runs,
    options.measureBudgetMs,
    (index) =>
      withCpu(
        [server.pid],
        () => once(index),
        (value) => value.networkx.cpuSeconds * 1000,
      ),
    (r, label) =>
      log(
        `   ${label}: report ${fmt(r.value.serverMs)} ms (${fmt(r.value.bytes / 1024)} KiB${r.value.exactAsked ? ", exact=true" : ""}); networkx ${fmt(r.value.networkx.totalSeconds, 1)} s on ${fmt(r.value.networkx.nodes)} / ${fmt(r.value.networkx.edges)}; density ${r.value.serverDensity} vs ${r.value.networkx.values.density}; other CPU ${r.cpu.otherPercent} %`,
      ),
  );
  const serverMs = median(result.runs.map((r) => r.value.serverMs));
  const networkxSeconds = median(result.runs.map((r) => r.value.networkx.totalSeconds));
  const ratio = (networkxSeconds * 1000) / serverMs;
  // Both sides computed on the same graph when their densities agree.
  const sameGraph = result.runs.every(
    (r) =>
      r.value.serverDensity !== null &&
      Math.abs(r.value.serverDensity - (r.value.networkx.values.density ?? Number.NaN)) < 1e-12,
  );
  const echoed = result.runs.every((r) => r.value.exactEchoed);
  const modeWords = !exact
    ? "default mode: exact=true refused"
    : echoed
      ? "exact=true"
      : "exact=true asked, the answer does not echo it";
  return {
    figure: `${fmt(serverMs / 1000, 2)} s (${modeWords}); networkx ${fmt(networkxSeconds, 1)} s: ${fmt(ratio, 1)}×${sameGraph ? "" : " (the densities differ: not the same graph?)"}`,
    met: serverMs < 1000 && ratio >= 10,
    raw: { serverMs, networkxSeconds, ratio, sameGraph, exactAsked: exact, ...result },
  };
}
