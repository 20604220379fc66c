// Write-side and read-side benchmarks: `node --conditions=source --import tsx bench/run.ts
// [append|http|batch|read]` (from the repository root; no argument runs all four). Raw results:
// bench/results/write-side.json and bench/results/read-side.json.

import { readTable, runRead } from "./read/http-read.js";
import { describeMachine, machineInfo } from "./support/machine.js";
import { benchOptions } from "./support/options.js";
import { codeVersion, readResultsFile, resultsFile, saveResult } from "./support/results.js";
import { formatInt } from "./support/stats.js";
import { appendTable, runAppend } from "./write/append-port.js";
import { BATCH_TARGET, batchTable, runHttpBatch } from "./write/http-batch.js";
import { breakdownTables, runBreakdown } from "./write/http-breakdown.js";
import { httpTable, runHttpSingle, SINGLE_TARGET } from "./write/http-single.js";

const names = ["append", "http", "batch", "read"] as const;
/** Diagnostics, run only when named: where the time of (b) goes. */
const extras = ["breakdown"] as const;
type Name = (typeof names)[number] | (typeof extras)[number];

const arg = process.argv[2] ?? "all";
if (arg !== "all" && !([...names, ...extras] as string[]).includes(arg)) {
  console.error(`usage: run.ts [${[...names, ...extras].join("|")}]  (no argument: ${names.join(", ")})`);
  process.exit(2);
}
const selected: readonly Name[] = arg === "all" ? names : [arg as Name];
const { runs } = benchOptions();
const machine = machineInfo();
const command = `node --conditions=source --import tsx bench/run.ts${arg === "all" ? "" : ` ${arg}`}`;

console.log(`machine: ${describeMachine(machine)}`);
const startCode = codeVersion();
console.log(
  `code: ${startCode.commit}${startCode.uncommitted.length > 0 ? ` + ${startCode.uncommitted.length} uncommitted files under services/, shared/` : ""}`,
);
if (arg !== "breakdown") console.log(`each benchmark: 1 warm-up run + ${runs} measured runs; tables show medians`);
console.log("");

const tables: string[] = [];
const verdicts: string[] = [];
for (const name of selected) {
  const started = Date.now();
  // The code each benchmark loads (its server processes start now), recorded with its results.
  const code = codeVersion();
  console.log(`${name}:`);
  if (name === "append") {
    const result = await runAppend(runs);
    saveResult(name, result, machine, command, code);
    tables.push(appendTable(result));
  } else if (name === "http") {
    const result = await runHttpSingle(runs);
    saveResult(name, result, machine, command, code);
    tables.push(httpTable(result));
    verdicts.push(
      `(b) ${formatInt(result.medianAcknowledgedPerSecond)} acknowledged events/s = ${result.ratioToBaseline}× ` +
        `the one-fsync baseline (${formatInt(result.medianBaselinePerSecond)}/s); target ${formatInt(SINGLE_TARGET)}/s ` +
        `${result.targetMet ? "MET" : "NOT met"}; non-2xx + errors: ${result.totalNon2xx}`,
    );
  } else if (name === "read") {
    const result = await runRead(runs);
    saveResult(name, result, machine, command, code, readResultsFile);
    tables.push(readTable(result));
  } else if (name === "breakdown") {
    const result = await runBreakdown();
    saveResult(name, result, machine, command, code);
    tables.push(breakdownTables(result));
  } else {
    const result = await runHttpBatch(runs);
    saveResult(name, result, machine, command, code);
    tables.push(batchTable(result));
    for (const variant of result.variants) {
      verdicts.push(
        `(c) ${formatInt(variant.medianEventsPerSecond)} events/s${variant.withEventIds ? " with event ids" : ""}; ` +
          `target ${formatInt(BATCH_TARGET)}/s ${variant.targetMet ? "MET" : "NOT met"}`,
      );
    }
  }
  console.log(`  (${Math.round((Date.now() - started) / 1000)} s)\n`);
}

console.log(tables.join("\n\n"));
if (verdicts.length > 0) console.log(`\n${verdicts.join("\n")}`);
const files = [
  ...(selected.some((name) => name !== "read") ? [resultsFile] : []),
  ...(selected.includes("read") ? [readResultsFile] : []),
];
console.log(`\nraw results: ${files.join(", ")}`);
