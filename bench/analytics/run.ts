// Issue 15's benchmark suite: every measure of the table, through `copgraph serve` child processes and
// their HTTP API (the replay through the read model's public class). From the repository root:
//   node --conditions=source --import tsx bench/analytics/run.ts          (the whole table; hours today)
//   BENCH_QUICK=1 node --conditions=source --import tsx bench/analytics/run.ts   (small sizes, minutes)
// Knobs: BENCH_RUNS, BENCH_ONLY, BENCH_ENTRY, BENCH_BUILD, BENCH_REQUEST_TIMEOUT_S, BENCH_MEASURE_MAX_S,
// BENCH_MAX_OTHER_CPU, BENCH_TMPDIR, BENCH_WEB (see README.md).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describeMachine, machineInfo } from "../support/machine.js";
import { codeVersion } from "../support/results.js";
import { benchTmpRoot, withTempDir } from "../support/temp.js";
import { buildHistory, type CommunitySize, seed } from "../web/community.js";
import { measureCompare } from "./compare.js";
import { repositoryRoot, startCopgraph } from "./copgraph-serve.js";
import { measureFirstFrame, measureGraph } from "./graph-and-first-frame.js";
import { fmt, type MeasureOutcome, type MeasureRow, type MeasureSpec, runMeasure, skipped } from "./measure.js";
import { measureSpecs } from "./measures.js";
import { communitySpan, measureFullReport, measurePastReadings } from "./million-reads.js";
import { suiteOptions } from "./options.js";
import { measureReplay } from "./replay.js";
import { resultsPath, resultsTable, type SuiteResults, saveResults, writeReadmeBlock } from "./report.js";
import { measureReportVsNetworkx } from "./report-vs-networkx.js";
import { measureRestart } from "./restart.js";
import { simulateLog } from "./simulated-log.js";
import { measureSlider } from "./slider.js";
import { TrackedServer } from "./tracked-server.js";
import { measureUnderLoad } from "./under-load.js";

const options = suiteOptions();
const specs = measureSpecs(options);
const command = `${options.quick ? "BENCH_QUICK=1 " : ""}node --conditions=source --import tsx bench/analytics/run.ts`;
const log = (line: string) => console.log(line);
const machine = machineInfo();
const startedAt = new Date().toISOString();
const rows: MeasureRow[] = [];
const logs: Record<string, unknown> = {};
const outPath = options.quick ? join(benchTmpRoot(), "copgraph-bench-analytics-quick.json") : resultsPath;

const order = Object.values(specs).map((spec) => spec.id);
const wanted = (spec: MeasureSpec) => !options.only || options.only.has(spec.id);
const code = codeVersion();
/** Rows of an earlier run for the measures BENCH_ONLY leaves out: a partial run keeps the rest of the table. */
const earlierRows = (): MeasureRow[] => {
  if (!options.only || !existsSync(outPath)) return [];
  try {
    const earlier = JSON.parse(readFileSync(outPath, "utf8")) as SuiteResults;
    return earlier.rows.filter((row) => !options.only?.has(row.id));
  } catch {
    return [];
  }
};
const kept = earlierRows();
const stamp = (row: MeasureRow): MeasureRow => ({ ...row, measuredAt: new Date().toISOString(), commit: code.commit });
const save = () => {
  const results: SuiteResults = {
    command,
    quick: options.quick,
    startedAt,
    updatedAt: new Date().toISOString(),
    machine,
    code,
    options,
    logs,
    // In the table's order, whatever order the phases ran in.
    rows: [...kept, ...rows].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
  };
  saveResults(results, outPath);
  return results;
};
async function measure(spec: MeasureSpec, fn: () => Promise<MeasureOutcome>) {
  if (!wanted(spec)) return;
  rows.push(stamp(await runMeasure(spec, fn, log)));
  save();
}
/** A phase's setup failed: its measures are rows saying so. */
function failPhase(phaseSpecs: readonly MeasureSpec[], error: unknown) {
  const message = `setup failed: ${(error as Error).message ?? String(error)}`;
  log(`\n${message}`);
  for (const spec of phaseSpecs.filter(wanted))
    rows.push(stamp({ ...spec, status: "failed", error: message, seconds: 0 }));
  save();
}

log(`machine: ${describeMachine(machine)}`);
log(`code: ${code.commit}; entry: ${options.entry}; runs: ${options.runs}${options.quick ? "; QUICK mode" : ""}`);
if (options.build) {
  log("building (tsc -b) so that the built bin is the code measured");
  const built = spawnSync(process.execPath, ["scripts/pnpm.mjs", "exec", "tsc", "-b"], {
    cwd: repositoryRoot,
    stdio: "inherit",
  });
  if (built.status !== 0) throw new Error("the build failed");
}

await withTempDir("analytics", async (work) => {
  // The 1,000,000-event community: replay, readings, full report, restart, under load, memory.
  const millionSpecs = [specs.replay, specs.readings, specs.fullReport, specs.restart, specs.underLoad, specs.memory];
  if (millionSpecs.some(wanted)) {
    let tracked: TrackedServer | undefined;
    try {
      const dir = join(work, "million");
      const simulated = await simulateLog(options.entry, dir, {
        communities: 1,
        events: options.millionEvents,
        seed: 3,
      });
      logs.million = simulated;
      log(`\n${simulated.command}: ${fmt(simulated.events)} events in ${fmt(simulated.seconds, 1)} s`);
      const communityId = simulated.communities[0]?.communityId as string;
      // Before any server ran on the folder: nothing derived is beside the log yet.
      await measure(specs.replay, () => measureReplay(options, dir, log));
      // The server measures, unless only the replay was asked.
      if (millionSpecs.some((spec) => spec !== specs.replay && wanted(spec))) {
        tracked = new TrackedServer(options.entry, dir, options.requestTimeoutMs);
        const server = await tracked.start();
        const span = await communitySpan(server, communityId, options.requestTimeoutMs);
        log(`server ${server.url} (pid ${server.pid}), ${communityId}: ${fmt(span.members)} members`);
        await measure(specs.readings, async () => measurePastReadings(options, await tracked!.running(), span, log));
        await measure(specs.fullReport, async () => measureFullReport(options, await tracked!.running(), span, log));
        await measure(specs.restart, () => measureRestart(options, tracked!, span, log));
        await measure(specs.underLoad, async () => measureUnderLoad(options, await tracked!.running(), span, log));
      }
    } catch (error) {
      // Memory gets its row below, from whatever servers ran.
      failPhase(
        millionSpecs.filter((spec) => spec !== specs.memory && !rows.some((row) => row.id === spec.id)),
        error,
      );
    } finally {
      await tracked?.stop(60_000);
    }
    const peaks = tracked?.peaks ?? [];
    await measure(specs.memory, async () => {
      const peak = tracked?.peak() ?? -1;
      if (peak < 0) throw new Error("no server's VmHWM could be read");
      return {
        figure: `${fmt(peak / 2 ** 20)} MiB (${fmt(peak / 1e9, 2)} GB) over ${peaks.length} server processes`,
        met: peak < 1.5e9,
        raw: { peakBytes: peak, perProcessBytes: peaks },
      };
    });
  }

  // bench/web's communities: the exact report and the slider (2k/50k), /graph (10k/50k).
  const webSpecs = [specs.report, specs.slider, specs.graph];
  if (webSpecs.some(wanted)) {
    let server: Awaited<ReturnType<typeof startCopgraph>> | undefined;
    try {
      const dir = join(work, "web");
      server = await startCopgraph(options.entry, dir, {}, options.requestTimeoutMs);
      const report: CommunitySize = { label: "report", communityId: "benchreport", ...options.reportSize };
      const graph: CommunitySize = { label: "graph", communityId: "benchgraph", ...options.graphSize };
      const reportHistory = buildHistory(report);
      const graphHistory = buildHistory(graph);
      for (const [size, history] of [
        [report, reportHistory],
        [graph, graphHistory],
      ] as const) {
        const started = performance.now();
        await seed(server.url, size, history);
        log(
          `\nseeded ${size.communityId} (${fmt(size.members)} / ${fmt(size.ties)}) in ${fmt((performance.now() - started) / 1000, 1)} s`,
        );
      }
      const running = server;
      await measure(specs.report, () =>
        measureReportVsNetworkx(options, running, report.communityId, reportHistory, work, log),
      );
      await measure(specs.slider, () => measureSlider(options, running, report.communityId, reportHistory.end, log));
      await measure(specs.graph, () => measureGraph(options, running, graph.communityId, graphHistory, log));
    } catch (error) {
      failPhase(
        webSpecs.filter((spec) => !rows.some((row) => row.id === spec.id)),
        error,
      );
    } finally {
      await server?.stop(60_000);
    }
  }

  if (wanted(specs.compare)) {
    let server: Awaited<ReturnType<typeof startCopgraph>> | undefined;
    try {
      const dir = join(work, "compare");
      const { communities, eventsTotal } = options.compare;
      const simulated = await simulateLog(options.entry, dir, { communities, events: eventsTotal, seed: 3 });
      logs.compare = { ...simulated, communities: simulated.communities.length };
      log(`\n${simulated.command}: ${fmt(simulated.events)} events in ${fmt(simulated.seconds, 1)} s`);
      server = await startCopgraph(options.entry, dir, {}, options.requestTimeoutMs);
      const running = server;
      const ids = simulated.communities.map((community) => community.communityId);
      await measure(specs.compare, () => measureCompare(options, running, ids, log));
    } catch (error) {
      failPhase([specs.compare], error);
    } finally {
      await server?.stop(60_000);
    }
  }
});

// The browser benchmark last: it starts its own server and Chromium (full runs; BENCH_WEB=0 skips it).
const runWeb = process.env.BENCH_WEB ? process.env.BENCH_WEB === "1" : !options.quick;
if (wanted(specs.firstRender)) {
  if (runWeb) await measure(specs.firstRender, () => measureFirstFrame(options, log));
  else {
    rows.push(stamp(skipped(specs.firstRender, "BENCH_WEB=1 runs bench/web's first-frame benchmark")));
    save();
  }
}

const results = save();
log(`\n${resultsTable(results.rows)}\n`);
if (!options.quick) log(writeReadmeBlock(results) ? "README.md results updated" : "README.md has no results markers");
log(`raw results: ${outPath}`);
