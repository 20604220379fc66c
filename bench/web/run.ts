// The web app's rendering benchmark: `node --conditions=source --import tsx bench/web/run.ts [first-frame|drag|readme]`
// from the repository root (no argument: both). A real API server (temp log, no demo data) and
// Debian's Chromium with SwiftShader, on loopback. Raw results: bench/web/results.json; the tables
// also go into bench/web/README.md between its results markers. BENCH_RUNS (default 5) measured
// runs after one warm-up; BENCH_MAX_OTHER_CPU (default 25 % of a core) repeats disturbed runs.
import { type Browser, ensureWebBuilt, launchBrowser } from "../../test/support/browser.js";
import { type ServerProcess, startServerProcess } from "../../test/support/server-process.js";
import { describeMachine, machineInfo } from "../support/machine.js";
import { benchOptions, envNumber } from "../support/options.js";
import { withTempDir } from "../support/temp.js";
import { buildHistory, type CommunitySize, HISTORY_WEEKS, LARGE, SMALL, seed } from "./community.js";
import { type FirstFrameResult, runFirstFrame } from "./first-frame.js";
import { BROWSER_INFO, INIT_SCRIPT } from "./page-scripts.js";
import { codeVersion, dragTable, firstFrameTable, resultsPath, saveResults, writeReadmeBlock } from "./report.js";
import { type DragResult, FAST_DRAG, runDrag, SLOW_DRAG, START_STEP } from "./slider-drag.js";

const parts = ["first-frame", "drag"] as const;
type Part = (typeof parts)[number];
const arg = process.argv[2] ?? "all";
if (arg === "readme") {
  // Only rewrites the README's results block from results.json (after editing the report's format).
  console.log(writeReadmeBlock() ? "README.md results updated" : "README.md has no results markers: not updated");
  process.exit(0);
}
if (arg !== "all" && !(parts as readonly string[]).includes(arg)) {
  console.error(`usage: run.ts [${parts.join("|")}|readme]  (no argument: both parts)`);
  process.exit(2);
}
const selected: readonly Part[] = arg === "all" ? parts : [arg as Part];
const command = `node --conditions=source --import tsx bench/web/run.ts${arg === "all" ? "" : ` ${arg}`}`;
const { runs } = benchOptions();
const machine = machineInfo();
const VIEWPORT = { width: 1280, height: 800 };
/** The whole benchmark stops (closing the browser and the server) after this long. */
const maxMinutes = envNumber("BENCH_WEB_MAX_MINUTES", 120, 1, 600);

const log = (line: string) => console.log(line);
log(`machine: ${describeMachine(machine)}`);
const code = codeVersion();
log(`code: ${code.commit}${code.uncommitted.length > 0 ? ` + ${code.uncommitted.length} uncommitted files` : ""}`);
log(`each measurement: 1 warm-up + ${runs} measured runs; tables show medians [min–max]\n`);

let server: ServerProcess | undefined;
let browser: Browser | undefined;
const cleanup = async () => {
  await browser?.close().catch(() => undefined);
  await server?.kill().catch(() => undefined);
};
const watchdog = setTimeout(() => {
  console.error(`bench/web: still running after ${maxMinutes} min, stopping`);
  void cleanup().finally(() => process.exit(1));
}, maxMinutes * 60_000);
watchdog.unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`bench/web: ${signal}, closing the browser and the server`);
    void cleanup().finally(() => process.exit(130));
  });
}

const cores = machine.cores;
const sizes: CommunitySize[] = selected.includes("first-frame") ? [SMALL, LARGE] : [SMALL];
const started = Date.now();

try {
  ensureWebBuilt();
  await withTempDir("web", async (dataDir) => {
    server = await startServerProcess(dataDir, { COPGRAPH_DEMO: "0" });
    const url = server.url;
    log(`server: ${url} (log in ${dataDir})`);
    for (const size of sizes) {
      const t = Date.now();
      const history = buildHistory(size);
      await seed(url, size, history);
      log(
        `seeded ${size.communityId}: ${history.events.length} events over ${HISTORY_WEEKS} weeks in ${Date.now() - t} ms`,
      );
    }

    browser = await launchBrowser(VIEWPORT);
    await browser.context.addInitScript({ content: INIT_SCRIPT });
    const probe = await browser.newPage();
    await probe.page.goto(`${url}/`, { timeout: 60_000 });
    const browserInfo = await probe.page.evaluate<{ userAgent: string; webgl: string; devicePixelRatio: number }>(
      BROWSER_INFO,
    );
    await probe.page.close();
    log(
      `browser: ${browserInfo.userAgent}; WebGL: ${browserInfo.webgl}; viewport ${VIEWPORT.width}×${VIEWPORT.height}\n`,
    );

    const common = {
      machine,
      browser: { ...browserInfo, executable: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", viewport: VIEWPORT },
      code,
      runsPerMeasurement: runs,
    };
    const sections: Record<string, unknown> = {};
    if (selected.includes("first-frame")) {
      const results: FirstFrameResult[] = [];
      for (const size of [SMALL, LARGE]) {
        log(`first frame, ${size.label}:`);
        results.push(await runFirstFrame(browser, url, size, runs, cores, log));
      }
      const table = firstFrameTable(results);
      sections.firstFrame = { command, measuredAt: new Date().toISOString(), ...common, table, results };
      log(`\n${table}\n`);
    }
    if (selected.includes("drag")) {
      const results: DragResult[] = [];
      for (const variant of process.env.BENCH_DRAG_SLOW_ONLY ? [SLOW_DRAG] : [FAST_DRAG, SLOW_DRAG]) {
        log(`time slider, ${variant.steps} steps at ${variant.name} from week ${START_STEP} (${SMALL.label}):`);
        results.push(await runDrag(browser, url, SMALL, variant, runs, cores, log));
      }
      const table = dragTable(results);
      sections.drag = { command, measuredAt: new Date().toISOString(), ...common, table, results };
      log(`\n${table}\n`);
    }
    saveResults(sections);
  });
} finally {
  await cleanup();
  clearTimeout(watchdog);
}

log(writeReadmeBlock() ? "README.md results updated" : "README.md has no results markers: not updated");
log(`raw results: ${resultsPath} (${Math.round((Date.now() - started) / 1000)} s)`);
