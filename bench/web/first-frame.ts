// (1) Navigation → first rendered frame of the community view, with the graph request's share.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "../../test/support/browser.js";
import { countForegroundPixels } from "../../test/support/browser.js";
import { type QuietWait, waitForQuiet } from "../support/cpu-load.js";
import { type MeasuredRuns, measureRuns } from "../support/runs.js";
import { round } from "../support/stats.js";
import type { CommunitySize } from "./community.js";
import { bumpRevision, graphCounts } from "./community.js";
import {
  COLLECT,
  type Collected,
  PROBE_READY,
  type ResourceRecord,
  VIEW_IDLE,
  waitForExpression,
} from "./page-scripts.js";
import { type TreeCpu, treeCpuWindow } from "./process-cpu.js";

export type Page = Awaited<ReturnType<Browser["newPage"]>>["page"];

export const screenshotDir = fileURLToPath(new URL("./screenshots/", import.meta.url));

const FIRST_FRAME_TIMEOUT_MS = 300_000;
const IDLE_TIMEOUT_MS = 600_000;

/** One navigation. Times are ms since the navigation started (the page's performance.now()). */
export interface FirstFrameRun {
  readonly graphRequestStart: number;
  /** Graph fetch from the page: request sent → last byte (server compute, queueing, transfer). */
  readonly graphFetchMs: number;
  /** Of which request sent → first byte (the server's share: it answers only once everything is computed). */
  readonly graphWaitMs: number;
  readonly graphResponseEnd: number;
  /** The last of the three reads the view waits for (graph + two indicator requests) has arrived. */
  readonly readsDone: number;
  /** JSON parse, graph build, sigma indexing and the first draw: readsDone → firstRender. */
  readonly afterReadsMs: number;
  readonly firstRender: number;
  /** How long that first sigma render took (beforeRender → afterRender). */
  readonly firstRenderMs: number;
  /** The first frame after the first render: its requestAnimationFrame callback (the rendering update starts)… */
  readonly firstFrameStart: number;
  /** …and the end of that rendering update (style, layout, paint done): the first rendered frame. */
  readonly firstFrame: number;
  /** Sigma renders with nodes up to the first frame, and their summed time (the page renders more than once). */
  readonly rendersWithNodes: number;
  readonly renderMsTotal: number;
  readonly nodes: number;
  readonly ties: number;
  readonly graphBytes: number;
  /** Foreground pixels of the graph area right after the first frame (warm-up only). */
  readonly foregroundPixels?: number;
  readonly pageErrors: string[];
  readonly quiet: QuietWait;
  readonly cpu: TreeCpu;
}

export interface FirstFrameResult extends MeasuredRuns<FirstFrameRun> {
  readonly size: CommunitySize;
  /** GET /graph from Node with nothing else asking (cold: `at` is now, so nothing is cached). */
  readonly apiAlone: MeasuredRuns<AloneRun>;
}

export interface AloneRun {
  readonly ms: number;
  readonly quiet: QuietWait;
  readonly cpu: TreeCpu;
}

const pathOf = (url: string) => new URL(url).pathname;

function firstLoadReads(resources: readonly ResourceRecord[], communityId: string) {
  const base = `/v1/communities/${communityId}`;
  const graph = resources
    .filter((entry) => pathOf(entry.name) === `${base}/graph`)
    .sort((a, b) => a.startTime - b.startTime)[0];
  if (!graph) throw new Error("no graph request in the page's resource timings");
  // The view asks for the graph and two indicator sets at once (Promise.all) and draws when all are in.
  const indicators = resources.filter(
    (entry) => pathOf(entry.name) === `${base}/indicators` && Math.abs(entry.startTime - graph.startTime) < 100,
  );
  return { graph, reads: [graph, ...indicators] };
}

export async function runFirstFrame(
  browser: Browser,
  baseUrl: string,
  size: CommunitySize,
  runs: number,
  cores: number,
  log: (line: string) => void,
): Promise<FirstFrameResult> {
  const url = `${baseUrl}/#/c/${size.communityId}`;

  log("  API alone: GET /graph from Node");
  const alone = await measureRuns(
    runs,
    async (): Promise<AloneRun> => {
      const quiet = await waitForQuiet(cores);
      const cpu = treeCpuWindow(cores);
      const { ms, nodes, ties } = await graphCounts(baseUrl, size.communityId);
      const cpuShare = cpu.end();
      if (nodes !== size.members || ties !== size.ties) throw new Error(`graph has ${nodes} nodes, ${ties} ties`);
      return { ms: round(ms, 1), quiet, cpu: cpuShare };
    },
    (run, label) => log(`    ${label}: ${Math.round(run.ms)} ms; other CPU ${run.cpu.otherPercent}%`),
  );

  const once = async (index: number): Promise<FirstFrameRun> => {
    // A new revision: the server's cached answers for the community go, as for a first visitor.
    await bumpRevision(baseUrl, size.communityId);
    const quiet = await waitForQuiet(cores);
    const { page, errors } = await browser.newPage();
    try {
      const cpu = treeCpuWindow(cores);
      await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
      await waitForExpression(page, PROBE_READY, { timeout: FIRST_FRAME_TIMEOUT_MS, polling: 50 });
      const cpuShare = cpu.end();
      let foregroundPixels: number | undefined;
      if (index === 0) {
        // Once per size, outside the measured runs: the frame is not blank.
        const png = await page.locator(".cg-sigma").screenshot({ timeout: 60_000 });
        mkdirSync(screenshotDir, { recursive: true });
        writeFileSync(`${screenshotDir}first-frame-${size.communityId}.png`, png);
        foregroundPixels = countForegroundPixels(png);
        if (foregroundPixels < 5_000)
          log(`    WARNING: the graph area looks blank (${foregroundPixels} foreground px)`);
      }
      const collected = await page.evaluate<Collected>(COLLECT);
      // Let the view finish (readings, layout, trends) so that no server work spills into the next run.
      await waitForExpression(page, VIEW_IDLE, { timeout: IDLE_TIMEOUT_MS, polling: 250 });
      const { probe } = collected;
      const first = probe.firstRender;
      const frame = first && probe.frames.find((record) => record.renderT >= first.t);
      if (!first || !frame) throw new Error("the probe saw no render with nodes");
      const firstFrame = frame.frameDone;
      const { graph, reads } = firstLoadReads(collected.resources, size.communityId);
      const readsDone = Math.max(...reads.map((entry) => entry.responseEnd));
      const withNodes = probe.renders.filter((render) => render.order > 0 && render.t <= firstFrame);
      return {
        graphRequestStart: round(graph.startTime, 1),
        graphFetchMs: round(graph.responseEnd - graph.startTime, 1),
        graphWaitMs: round(graph.responseStart - graph.requestStart, 1),
        graphResponseEnd: round(graph.responseEnd, 1),
        readsDone: round(readsDone, 1),
        afterReadsMs: round(first.t - readsDone, 1),
        firstRender: round(first.t, 1),
        firstRenderMs: round(first.t - first.began, 1),
        firstFrameStart: round(frame.frameStart, 1),
        firstFrame: round(firstFrame, 1),
        rendersWithNodes: withNodes.length,
        renderMsTotal: round(
          withNodes.reduce((sum, render) => sum + render.t - render.began, 0),
          1,
        ),
        nodes: first.order,
        ties: first.size,
        graphBytes: graph.encodedBodySize,
        ...(foregroundPixels === undefined ? {} : { foregroundPixels }),
        pageErrors: [...errors],
        quiet,
        cpu: cpuShare,
      };
    } finally {
      await page.close();
    }
  };

  const measured = await measureRuns(runs, once, (run, label) =>
    log(
      `    ${label}: first frame ${Math.round(run.firstFrame)} ms (graph request ${Math.round(run.graphRequestStart)}` +
        ` → ${Math.round(run.graphResponseEnd)} ms, reads done ${Math.round(run.readsDone)} ms, first render ` +
        `${Math.round(run.firstRender)} ms)${run.foregroundPixels === undefined ? "" : `, ${run.foregroundPixels} foreground px`}` +
        `; other CPU ${run.cpu.otherPercent}%${run.pageErrors.length > 0 ? `; PAGE ERRORS: ${run.pageErrors.join(" | ")}` : ""}`,
    ),
  );
  return { size, apiAlone: alone, ...measured };
}
