// Measure 6: GET /graph of the 10,000-member / 50,000-tie community at dates not asked before, and
// navigation → first render in the web app, from bench/web's own runner (run as it is, as a child).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { median } from "../support/stats.js";
import type { CommunityHistory } from "../web/community.js";
import type { FirstFrameResult } from "../web/first-frame.js";
import { resultsPath as webResultsPath } from "../web/report.js";
import { type CopgraphServer, repositoryRoot } from "./copgraph-serve.js";
import { freshDateRuns } from "./fresh-date-runs.js";
import { fmt, type MeasureOutcome } from "./measure.js";
import type { SuiteOptions } from "./options.js";
import { query } from "./timed-get.js";

export async function measureGraph(
  options: SuiteOptions,
  server: CopgraphServer,
  communityId: string,
  history: CommunityHistory,
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  const result = await freshDateRuns(
    options,
    server,
    (index) => new Date(history.end - (index + 1) * 29 * 60_000).toISOString(),
    (at) => `/v1/communities/${communityId}/graph${query({ at })}`,
    log,
  );
  const { ms, bytes } = result;
  return {
    figure: `${fmt(ms / 1000, 2)} s, ${fmt(bytes / 1e6, 1)} MB`,
    met: ms < 1500,
    raw: result,
  };
}

export const webCommand = "node --conditions=source --import tsx bench/web/run.ts first-frame";

/** Runs bench/web's first-frame benchmark (it starts its own server and browser), then reads its results. */
export async function measureFirstFrame(options: SuiteOptions, log: (line: string) => void): Promise<MeasureOutcome> {
  log(`   running ${webCommand} (its output follows)`);
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "bench/web/run.ts", "first-frame"], {
    cwd: repositoryRoot,
    env: { ...process.env, BENCH_RUNS: String(options.runs) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  if (code !== 0) throw new Error(`${webCommand} exited with ${code}`);
  if (!existsSync(webResultsPath)) throw new Error(`${webCommand} wrote no ${webResultsPath}`);
  const saved = JSON.parse(readFileSync(webResultsPath, "utf8")) as {
    firstFrame?: { measuredAt: string; results: FirstFrameResult[] };
  };
  const large = saved.firstFrame?.results.find((result) => result.size.members === 10_000);
  if (!large) throw new Error("bench/web's results have no first frame of the 10,000-member community");
  const firstRender = median(large.runs.map((run) => run.firstRender));
  const firstFrame = median(large.runs.map((run) => run.firstFrame));
  const renderMs = median(large.runs.map((run) => run.renderMsTotal));
  return {
    figure: `first render ${fmt(firstRender / 1000, 2)} s; first frame ${fmt(firstFrame / 1000, 2)} s, of which ${fmt(renderMs)} ms rendering in software WebGL (SwiftShader)`,
    met: firstRender < 3000,
    raw: { firstRender, firstFrame, renderMs, measuredAt: saved.firstFrame?.measuredAt, command: webCommand },
  };
}
