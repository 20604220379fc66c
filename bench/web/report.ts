import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describeMachine, type MachineInfo } from "../support/machine.js";
import { median } from "../support/stats.js";
import { formatTable } from "../support/table.js";
import type { FirstFrameResult } from "./first-frame.js";
import type { DragResult } from "./slider-drag.js";

export const resultsPath = fileURLToPath(new URL("./results.json", import.meta.url));
export const readmePath = fileURLToPath(new URL("./README.md", import.meta.url));
const BEGIN = "<!-- results:begin (written by bench/web/run.ts) -->";
const END = "<!-- results:end -->";

/** "median [min–max]" of the runs. */
function cell(values: readonly number[], digits = 0): string {
  if (values.length === 0) return "–";
  const f = (value: number) =>
    value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${f(median(values))} [${f(Math.min(...values))}–${f(Math.max(...values))}]`;
}

/** How many runs the medians are over, and the most CPU other processes took during one of them (% of a core). */
function runAccount(result: { runs: readonly { cpu: { otherPercent: number } }[]; disturbed: readonly unknown[] }) {
  const other = Math.max(...result.runs.map((run) => run.cpu.otherPercent));
  const repeated = result.disturbed.length > 0 ? `, ${result.disturbed.length} disturbed dropped` : "";
  return `${result.runs.length} (${other < 0 ? "?" : `${other}%`}${repeated})`;
}

export function firstFrameTable(results: readonly FirstFrameResult[]): string {
  const rows = results.map((result) => {
    const runs = result.runs;
    const pick = (f: (run: (typeof runs)[number]) => number, digits = 0) => cell(runs.map(f), digits);
    const pixels = result.warmup.foregroundPixels;
    return [
      result.size.label,
      (result.warmup.graphBytes / 1e6).toFixed(1),
      pick((run) => run.graphRequestStart),
      pick((run) => run.graphFetchMs),
      cell(result.apiAlone.runs.map((run) => run.ms)),
      pick((run) => run.readsDone),
      pick((run) => run.afterReadsMs),
      pick((run) => run.firstRender),
      pick((run) => run.firstFrame),
      pixels === undefined ? "–" : pixels.toLocaleString("en-US"),
      `${runAccount(result)}; alone ${runAccount(result.apiAlone)}`,
    ];
  });
  return formatTable(
    [
      "members / ties",
      "graph JSON MB",
      "nav → graph request sent",
      "API /graph in page",
      "API /graph alone",
      "nav → 3 reads in",
      "reads in → first render",
      "nav → first render",
      "**nav → first frame**",
      "foreground px",
      "runs (other CPU max)",
    ],
    rows,
  );
}

export function dragTable(results: readonly DragResult[]): string {
  const rows = results.map((result) => {
    const runs = result.runs;
    const pick = (f: (run: (typeof runs)[number]) => number, digits = 0) => cell(runs.map(f), digits);
    return [
      `${result.variant.steps} steps at ${result.variant.name} (${result.size.label})`,
      pick((run) => run.idleFrames.p50, 1),
      pick((run) => run.dragFrames.p50, 1),
      pick((run) => run.dragFrames.p95, 1),
      pick((run) => run.dragFrames.max, 1),
      pick((run) => run.inputDelay.max, 1),
      pick((run) => run.toFinalFrameMs),
      pick((run) => run.finalRequestAfterMs),
      pick((run) => run.finalGraphFetchMs),
      pick((run) => run.finalAfterReadsMs),
      pick((run) => run.settleFrames.max),
      runAccount(result),
    ];
  });
  return formatTable(
    [
      "drag",
      "idle frame p50",
      "drag frame p50",
      "drag frame p95",
      "drag frame max",
      "input delay max",
      "**last step → final frame**",
      "last step → final request",
      "final /graph fetch",
      "final reads in → render",
      "longest frame after release",
      "runs (other CPU max)",
    ],
    rows,
  );
}

/** HEAD and what is uncommitted in the code measured (the web app, the API and the shared packages). */
export function codeVersion(): { commit: string; uncommitted: string[] } {
  const cwd = fileURLToPath(new URL("../../", import.meta.url));
  const git = (...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
  try {
    const uncommitted = git("status", "--porcelain", "--", "web", "services", "shared")
      .split("\n")
      .filter((line) => line.length > 0);
    return { commit: git("rev-parse", "--short", "HEAD"), uncommitted };
  } catch {
    return { commit: "unknown", uncommitted: [] };
  }
}

/** Writes results.json, keeping a section this run did not measure (`run.ts drag` keeps the first-frame results). */
export function saveResults(sections: Record<string, unknown>): void {
  let previous: Record<string, unknown> = {};
  if (existsSync(resultsPath)) {
    try {
      previous = JSON.parse(readFileSync(resultsPath, "utf8")) as Record<string, unknown>;
    } catch {
      previous = {};
    }
  }
  writeFileSync(resultsPath, `${JSON.stringify({ ...previous, ...sections }, null, 2)}\n`);
}

/** Replaces the results block of the README (between its markers) with `markdown`; false when it has none. */
export function updateReadme(markdown: string): boolean {
  if (!existsSync(readmePath)) return false;
  const text = readFileSync(readmePath, "utf8");
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) return false;
  writeFileSync(readmePath, `${text.slice(0, begin + BEGIN.length)}\n\n${markdown.trim()}\n\n${text.slice(end)}`);
  return true;
}

interface SavedSection {
  readonly table: string;
  readonly measuredAt: string;
  readonly command: string;
  readonly machine: MachineInfo;
  readonly browser: { userAgent: string; webgl: string; viewport: { width: number; height: number } };
  readonly code: { commit: string; uncommitted: string[] };
  readonly runsPerMeasurement: number;
}

/** The README's results block, from results.json (a partial run keeps the other part's last results). */
export function writeReadmeBlock(): boolean {
  if (!existsSync(resultsPath)) return false;
  const saved = JSON.parse(readFileSync(resultsPath, "utf8")) as Record<string, SavedSection | undefined>;
  const part = (title: string, section: SavedSection | undefined) => {
    if (!section) return [`**${title}**: not measured yet.`];
    const chrome = /HeadlessChrome\/[\d.]+/.exec(section.browser.userAgent)?.[0] ?? section.browser.userAgent;
    const dirty = section.code.uncommitted.length;
    return [
      `**${title}**: measured ${section.measuredAt} by \`${section.command}\`, 1 warm-up + ${section.runsPerMeasurement} ` +
        `runs each, on ${describeMachine(section.machine)}; ${chrome}, WebGL ${section.browser.webgl}, ` +
        `${section.browser.viewport.width}×${section.browser.viewport.height}; code ${section.code.commit}` +
        `${dirty > 0 ? ` + ${dirty} uncommitted files under web/, services/, shared/` : ""}.`,
      "",
      section.table,
    ];
  };
  const block = [
    "Medians of the measured runs, [min–max] across them; milliseconds unless marked.",
    "",
    ...part("Navigation → first rendered frame", saved.firstFrame),
    "",
    ...part("Time slider drag", saved.drag),
  ].join("\n");
  return updateReadme(block);
}
