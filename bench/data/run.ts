// Data in: simulator throughput, and the import of 1,000,000 events from an NDJSON event log
// through the command line (`copgraph import log.ndjson`): parse, validate, decide, append.
//   node --conditions=source --import tsx bench/data/run.ts [runs]
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoggedEvent } from "@copgraph/contract";
import { simulateCommunity, simulateMany } from "@copgraph/simulator";
import { describeMachine, machineInfo } from "../support/machine.js";
import { median } from "../support/stats.js";
import { formatTable } from "../support/table.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
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

/** One community's 1,000,000-event log as `copgraph export --format ndjson` writes it. */
async function writeLog(file: string): Promise<number> {
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
      id: crypto.randomUUID(),
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
  return revision;
}

function importRun(file: string, events: number): { seconds: number; perSecond: number } {
  const dataDir = mkdtempSync(join(tmpdir(), "copgraph-bench-import-"));
  try {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      ["--conditions=source", "--import", "tsx", "services/api/src/cli.ts", "import", file, "--community", "big", "--data-dir", dataDir],
      { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`import failed: ${result.stderr.slice(-2000)}`);
    return { seconds, perSecond: events / seconds };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const machine = machineInfo();
console.log(describeMachine(machine));
simulatorRun();
const simulator = Array.from({ length: runs }, simulatorRun);

const dir = mkdtempSync(join(tmpdir(), "copgraph-bench-ndjson-"));
const file = join(dir, "big.ndjson");
const events = await writeLog(file);
console.log(`log: ${events.toLocaleString("en")} events, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
const imports = Array.from({ length: runs }, () => importRun(file, events));
rmSync(dir, { recursive: true, force: true });

const rows = [
  ["simulator, 200 communities, 1,000,000 events", `${Math.round(median(simulator)).toLocaleString("en")} events/s`, runs],
  [
    "copgraph import of a 1,000,000-event NDJSON log (whole process)",
    `${Math.round(median(imports.map((r) => r.perSecond))).toLocaleString("en")} events/s (${median(imports.map((r) => r.seconds)).toFixed(1)} s)`,
    runs,
  ],
];
console.log(formatTable(["benchmark", "median", "runs"], rows));
writeFileSync(
  fileURLToPath(new URL("results.json", import.meta.url)),
  `${JSON.stringify({ machine, command: "node --conditions=source --import tsx bench/data/run.ts", events, simulator, imports }, null, 2)}\n`,
);
