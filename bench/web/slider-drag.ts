// (2) Frame times while the time slider is dragged, and how long until the final position is drawn.
import type { Browser } from "../../test/support/browser.js";
import { type QuietWait, waitForQuiet } from "../support/cpu-load.js";
import { type MeasuredRuns, measureRuns } from "../support/runs.js";
import { percentile, round } from "../support/stats.js";
import { bumpRevision, type CommunitySize, getJson, graphCounts, WEEK } from "./community.js";
import { COLLECT, type Collected, type DragRecord, dragScript, VIEW_IDLE, waitForExpression } from "./page-scripts.js";
import { type TreeCpu, treeCpuWindow } from "./process-cpu.js";

const OPEN_TIMEOUT_MS = 300_000;
/** After the last step, how long the page may take to show the final position. */
const FINAL_TIMEOUT_MS = 300_000;

export interface DragVariant {
  readonly name: string;
  readonly steps: number;
  readonly intervalMs: number;
}

/** 30 one-week steps at 60 Hz: faster than the view's 150 ms debounce, so only the last position is loaded. */
export const FAST_DRAG: DragVariant = { name: "60 Hz", steps: 30, intervalMs: 1000 / 60 };
/** 30 steps at 4 Hz: slower than the debounce, so every position starts a load (aborting the previous one). */
export const SLOW_DRAG: DragVariant = { name: "4 Hz", steps: 30, intervalMs: 250 };

/** The slider's position before the drag (weeks after registration); the drag ends 30 weeks later. */
export const START_STEP = 4;
const IDLE_MS = 500;

interface Stats {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

const stats = (values: readonly number[]): Stats =>
  values.length === 0
    ? { count: 0, p50: 0, p95: 0, max: 0 }
    : {
        count: values.length,
        p50: round(percentile(values, 50), 1),
        p95: round(percentile(values, 95), 1),
        max: round(Math.max(...values), 1),
      };

/** Intervals between consecutive animation frames whose later frame falls in (from, to]. */
function frameTimes(frames: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    const frame = frames[i] as number;
    if (frame > from && frame <= to) out.push(frame - (frames[i - 1] as number));
  }
  return out;
}

function longest(frames: readonly number[], origin: number, count: number): { endedAt: number; ms: number }[] {
  const intervals = frames.slice(1).map((frame, i) => ({
    endedAt: round(frame - origin, 1),
    ms: round(frame - (frames[i] as number), 1),
  }));
  return intervals.sort((a, b) => b.ms - a.ms).slice(0, count);
}

export interface DragRun {
  /** Frame intervals with the page idle, just before the drag (the frame rate it can do at all). */
  readonly idleFrames: Stats;
  /** Frame intervals from the first step to the last. */
  readonly dragFrames: Stats;
  /** How late each step's input event was handled against its schedule (a busy main thread delays it). */
  readonly inputDelay: Stats;
  readonly dragMs: number;
  /** Frame intervals from the last step until the readings show the final position (two frames after). */
  readonly settleFrames: Stats;
  /** Last step → the first sigma render of the final position's graph (its data is in the graph). */
  readonly toFinalRenderMs: number;
  /** Last step → the end of the first frame after that render (its rendering update done): the final position is on screen. */
  readonly toFinalFrameMs: number;
  /** Last step → that frame's requestAnimationFrame callback (the rendering update starts). */
  readonly toFinalFrameStartMs: number;
  /** Last step → the readings panel showing the final position. */
  readonly toReadingsMs: number;
  /** Last step → the final position's graph request was sent (the 150 ms debounce and any queue). */
  readonly finalRequestAfterMs: number;
  /** The final position's graph fetch in the page: request sent → last byte. */
  readonly finalGraphFetchMs: number;
  /** The last of the final position's three reads in → its first render (parse, rebuild, draw). */
  readonly finalAfterReadsMs: number;
  /** Graph requests the page sent during the drag and after it (Chromium lists aborted fetches in resource timing too). */
  readonly graphRequestsSent: number;
  /** Of which the server had started answering (first byte) before the page aborted them or used them. */
  readonly graphRequestsAnswered: number;
  /** The five longest frame intervals, with when they ended (ms after the first step's schedule start). */
  readonly longestFrames: { endedAt: number; ms: number }[];
  readonly finalAt: string;
  readonly sliderFrom: number;
  readonly sliderTo: number;
  readonly sliderMax: number;
  /** Ties drawn in the final render and the API's count at that date: equal, or the run fails. */
  readonly finalTies: number;
  readonly pageErrors: string[];
  readonly quiet: QuietWait;
  readonly cpu: TreeCpu;
}

export interface DragResult extends MeasuredRuns<DragRun> {
  readonly size: CommunitySize;
  readonly variant: DragVariant;
  readonly startAt: string;
}

export async function runDrag(
  browser: Browser,
  baseUrl: string,
  size: CommunitySize,
  variant: DragVariant,
  runs: number,
  cores: number,
  log: (line: string) => void,
): Promise<DragResult> {
  const base = `/v1/communities/${size.communityId}`;
  const summary = await getJson<{ registeredAt: string }>(baseUrl, base);
  // The slider's own step dates: registeredAt + k weeks (time-slider.ts atOf).
  const startAt = new Date(Date.parse(summary.registeredAt) + START_STEP * WEEK).toISOString();
  const url = `${baseUrl}/#/c/${size.communityId}?at=${encodeURIComponent(startAt)}`;

  const once = async (): Promise<DragRun> => {
    // A new revision: the server's caches for this community are cold, as for a first visitor to these dates.
    await bumpRevision(baseUrl, size.communityId);
    const { page, errors } = await browser.newPage();
    try {
      await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
      await waitForExpression(page, VIEW_IDLE, { timeout: OPEN_TIMEOUT_MS, polling: 250 });
      const quiet = await waitForQuiet(cores);
      const cpu = treeCpuWindow(cores);
      const record = await page.evaluate<DragRecord>(
        dragScript({
          steps: variant.steps,
          intervalMs: variant.intervalMs,
          timeoutMs: FINAL_TIMEOUT_MS,
          idleMs: IDLE_MS,
        }),
      );
      const cpuShare = cpu.end();
      const collected = await page.evaluate<Collected>(COLLECT);
      if (record.readyAt === null || record.finalAt === null) {
        throw new Error(`the final position was not shown within ${FINAL_TIMEOUT_MS} ms`);
      }
      const finalAt = record.finalAt;
      const isGraph = (name: string) => new URL(name).pathname === `${base}/graph`;
      const atOf = (name: string) => new URL(name).searchParams.get("at");
      const during = collected.resources.filter((entry) => entry.startTime >= record.dragStart);
      const finalGraph = during
        // The load that showed the final readings; a later refresh of the same date does not count.
        .filter((entry) => isGraph(entry.name) && atOf(entry.name) === finalAt && entry.startTime <= record.readyAt!)
        .sort((a, b) => b.startTime - a.startTime)[0];
      if (!finalGraph) {
        const seen = during.filter((entry) => isGraph(entry.name)).map((entry) => atOf(entry.name));
        const all = collected.resources.filter((entry) => isGraph(entry.name)).length;
        throw new Error(
          `no graph request for ${finalAt}; graph requests since the drag began: ${seen.join(", ")}; in all ${all} of ${collected.resources.length} resources`,
        );
      }
      const finalReads = during.filter(
        (entry) => atOf(entry.name) === finalAt && Math.abs(entry.startTime - finalGraph.startTime) < 100,
      );
      const readsDone = Math.max(...finalReads.map((entry) => entry.responseEnd));
      // Nothing else redraws sigma meanwhile (no layout: every member is placed already), so the first
      // render after the final graph arrived is the final position's (its tie count is checked below).
      const finalRender = collected.probe.renders.find(
        (render) => render.order > 0 && render.t > finalGraph.responseEnd,
      );
      if (!finalRender) {
        const renders = collected.probe.renders.slice(-8).map((r) => `${Math.round(r.t)}:${r.order}/${r.size}`);
        throw new Error(
          `no render of the final position: its graph ended at ${Math.round(finalGraph.responseEnd)} (sent ${Math.round(finalGraph.startTime)}), readings at ${Math.round(record.readyAt)}, last input ${Math.round(record.lastInput)}; last renders ${renders.join(" ")}`,
        );
      }
      const after = collected.probe.frames.find((frame) => frame.renderT >= finalRender.t);
      if (!after) throw new Error("no frame after the final render");
      const finalFrame = after.frameDone;
      const expected = await graphCounts(baseUrl, size.communityId, finalAt);
      if (finalRender.size !== expected.ties || finalRender.order !== expected.nodes) {
        throw new Error(
          `the final render drew ${finalRender.order} nodes / ${finalRender.size} ties; the API has ` +
            `${expected.nodes} / ${expected.ties} at ${finalAt}`,
        );
      }
      const firstInput = record.dragStart;
      return {
        idleFrames: stats(frameTimes(record.frames, record.idleStart, firstInput)),
        dragFrames: stats(frameTimes(record.frames, firstInput, record.lastInput)),
        inputDelay: stats(record.inputs.map((input) => input.done - input.due)),
        dragMs: round(record.lastInput - firstInput, 1),
        settleFrames: stats(frameTimes(record.frames, record.lastInput, Number.POSITIVE_INFINITY)),
        toFinalRenderMs: round(finalRender.t - record.lastInput, 1),
        toFinalFrameMs: round(finalFrame - record.lastInput, 1),
        toFinalFrameStartMs: round(after.frameStart - record.lastInput, 1),
        toReadingsMs: round(record.readyAt - record.lastInput, 1),
        finalRequestAfterMs: round(finalGraph.startTime - record.lastInput, 1),
        finalGraphFetchMs: round(finalGraph.responseEnd - finalGraph.startTime, 1),
        finalAfterReadsMs: round(finalRender.t - readsDone, 1),
        graphRequestsSent: during.filter((entry) => isGraph(entry.name)).length,
        graphRequestsAnswered: during.filter((entry) => isGraph(entry.name) && entry.responseStart > 0).length,
        longestFrames: longest(record.frames, firstInput, 5),
        finalAt,
        sliderFrom: record.sliderFrom,
        sliderTo: record.sliderTo,
        sliderMax: record.sliderMax,
        finalTies: finalRender.size,
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
      `    ${label}: frames during drag p50 ${run.dragFrames.p50} / p95 ${run.dragFrames.p95} / max ` +
        `${run.dragFrames.max} ms (idle p50 ${run.idleFrames.p50}); last step → final frame ${Math.round(run.toFinalFrameMs)} ms ` +
        `(graph fetch ${Math.round(run.finalGraphFetchMs)} ms, longest frame ${run.settleFrames.max} ms); ` +
        `slider ${run.sliderFrom}→${run.sliderTo}/${run.sliderMax}, ${run.finalTies} ties; other CPU ${run.cpu.otherPercent}%` +
        `${run.pageErrors.length > 0 ? `; PAGE ERRORS: ${run.pageErrors.join(" | ")}` : ""}`,
    ),
  );
  return { size, variant, startAt, ...measured };
}
