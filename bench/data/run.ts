// Data in: simulator throughput, and the import of 1,000,000 events from an NDJSON event log
// through the command line (`copgraph import log.ndjson`): parse, validate, decide, append.
//   node --conditions=source --import tsx bench/data/run.ts [runs]
import { spawnSync } from "node:child_process";
import { closeSync, createWriteStream, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoggedEvent } from "@copgraph/contract";
import { simulateCommunity, simulateMany } from "@copgraph/simulator";
import { availableParallelism } from "node:os";
import { waitForQuiet } from "../support/cpu-load.js";
import { type IdKind, newId } from "../support/events.js";
import { describeMachine, machineInfo } from "../support/machine.js";
import { codeVersion } from "../support/results.js";
import { median } from "../support/stats.js";
import { formatTable } from "../support/table.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "services/api/dist/cli.js");
const runs = Number(process.argv[2] ?? 5);
const EVENTS = 1_000_000;
const end = Date.parse("2026-11-01T00:00:00Z");
const start = end - 2 * 365 * 86_400_000;

function simulatorRun(): number {
  const started = performance.now();
  let events = 0;
  for (const simulation of simulateMany({ communities: 200, eventsTotal: EVENTS, seed: 11, start, end })) events += simulation.events.length;
  return events / ((performance.now() - started) / 1000);
}

/**
 * One community's 1,000,000-event log as `copgraph export --format ndjson` writes it. Ids are
 * UUIDv7 as the API gives them ("v7"), or random UUIDv4 as a log from elsewhere may carry ("v4").
 */
async function writeLog(file: string, idKind: IdKind): Promise<number> {
  const { events } = simulateCommunity({
    communityId: "big",
    seed: 5,
    start,
    end,
    initialMembers: 2_000,
    growth: 20,
    interactionsPerMemberPerMonth: 20,
    maxEvents: EVENTS,
  });
  const out = createWriteStream(file);
  let revision = 0;
  for (const event of events) {
    const recordedAt = (event.data as { occurredAt: string }).occurredAt;
    const line: LoggedEvent = {
      id: newId(idKind),
      type: event.type,
      revision,
      position: revision + 1,
      occurredAt: recordedAt,
      recordedAt,
      schemaVersion: 1,
      data: event.data as Record<string, unknown>,
      metadata: { recordedAt, schemaVersion: 1 },
    };
    revision++;
    if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  // On disk before the first import, so that it does not compete with writing the log back.
  const fd = openSync(file, "r");
  fsyncSync(fd);
  closeSync(fd);
  return revision;
}

interface ImportRun {
  readonly seconds: number;
  readonly perSecond: number;
  readonly maxRssMiB: number;
  readonly busyPercentAtStart: number;
}

/** `copgraph import` as a user runs it (the built bin), timed as a whole process. */
async function importRun(file: string, events: number): Promise<ImportRun> {
  const dataDir = mkdtempSync(join(tmpdir(), "copgraph-bench-import-"));
  try {
    const quiet = await waitForQuiet(availableParallelism());
    const started = performance.now();
    const result = spawnSync(
      "/usr/bin/time",
      ["-f", "maxrss=%M", process.execPath, cli, "import", file, "--community", "big", "--data-dir", dataDir],
      { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`import failed: ${result.stderr.slice(-2000)}`);
    const maxRssKiB = Number(/maxrss=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
    const run = {
      seconds,
      perSecond: events / seconds,
      maxRssMiB: Math.round(maxRssKiB / 1024),
      busyPercentAtStart: quiet.busyPercentAtStart,
    };
    console.log(
      `  import: ${Math.round(run.perSecond).toLocaleString("en")} events/s (${seconds.toFixed(1)} s, ${run.maxRssMiB} MiB peak, machine ${quiet.busyPercentAtStart}% busy at start)`,
    );
    return run;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const machine = machineInfo();
console.log(describeMachine(machine));
simulatorRun();
const simulator = Array.from({ length: runs }, simulatorRun);

// The bin as users run it: built JavaScript, no TypeScript loader.
const built = spawnSync(process.execPath, ["scripts/pnpm.mjs", "exec", "tsc", "-b"], { cwd: root, stdio: "inherit" });
if (built.status !== 0) throw new Error("the build failed");
const imports: Partial<Record<IdKind, ImportRun[]>> = {};
const warmups: Partial<Record<IdKind, ImportRun>> = {};
let events = 0;
for (const idKind of ["v7", "v4"] as const) {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-bench-ndjson-"));
  try {
    const file = join(dir, "big.ndjson");
    events = await writeLog(file, idKind);
    console.log(`log with ${idKind} ids: ${events.toLocaleString("en")} events, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    // As the other benchmarks do: one warm-up run, not counted. The first import after the log is
    // written is the slowest of each kind by 10–30 %, whatever the code.
    console.log("  (warm-up)");
    warmups[idKind] = await importRun(file, events);
    const runsOfKind: ImportRun[] = [];
    for (let i = 0; i < runs; i++) runsOfKind.push(await importRun(file, events));
    imports[idKind] = runsOfKind;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const importRow = (idKind: IdKind, label: string) => {
  const list = imports[idKind] ?? [];
  const perSecond = list.map((r) => r.perSecond);
  return [
    label,
    `${Math.round(median(perSecond)).toLocaleString("en")} events/s (${median(list.map((r) => r.seconds)).toFixed(1)} s; ${Math.round(Math.min(...perSecond)).toLocaleString("en")}–${Math.round(Math.max(...perSecond)).toLocaleString("en")}; peak ${median(list.map((r) => r.maxRssMiB))} MiB)`,
    runs,
  ];
};
const rows = [
  ["simulator, 200 communities, 1,000,000 events", `${Math.round(median(simulator)).toLocaleString("en")} events/s`, runs],
  importRow("v7", "copgraph import of a 1,000,000-event NDJSON log, ids as copgraph gives them (v7)"),
  importRow("v4", "the same log with random (v4) ids"),
];
console.log(formatTable(["benchmark", "median", "runs"], rows));
writeFileSync(
  fileURLToPath(new URL("results.json", import.meta.url)),
  `${JSON.stringify({ machine, command: "node --conditions=source --import tsx bench/data/run.ts", code: codeVersion(), events, simulator, warmups, imports }, null, 2)}\n`,
);
