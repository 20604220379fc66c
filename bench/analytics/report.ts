// The suite's outputs: results.json (every row with its raw runs) and the table between the markers
// of README.md. Quick runs write elsewhere, so development never overwrites the measured figures.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describeMachine, type MachineInfo } from "../support/machine.js";
import type { CodeVersion } from "../support/results.js";
import { formatTable } from "../support/table.js";
import { type MeasureRow, metWords } from "./measure.js";

export const resultsPath = fileURLToPath(new URL("./results.json", import.meta.url));
export const readmePath = fileURLToPath(new URL("./README.md", import.meta.url));
const BEGIN = "<!-- results:begin (written by bench/analytics/run.ts) -->";
const END = "<!-- results:end -->";

export interface SuiteResults {
  readonly command: string;
  readonly quick: boolean;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly machine: MachineInfo;
  readonly code: CodeVersion;
  readonly options: unknown;
  readonly logs: Record<string, unknown>;
  readonly rows: readonly MeasureRow[];
}

export function resultsTable(rows: readonly MeasureRow[]): string {
  return formatTable(
    ["measure", "target", "figure", "met", "measured"],
    rows.map((row) => [
      row.title,
      row.target,
      row.status === "measured" ? (row.figure ?? "") : "–",
      metWords(row),
      row.measuredAt ? `${row.measuredAt.slice(0, 10)} \`${row.commit}\`` : "",
    ]),
  );
}

export function resultsBlock(results: SuiteResults): string {
  const dirty = results.code.uncommitted.length;
  return [
    `Written ${results.updatedAt.slice(0, 10)} at \`${results.code.commit}\`${dirty ? ` with ${dirty} uncommitted files under services/ and shared/` : ""} by \`${results.command}\`${results.quick ? " (quick mode: small sizes, figures not comparable with the targets)" : ""}; each row says when it was measured.`,
    "",
    resultsTable(results.rows),
    "",
    `Machine: ${describeMachine(results.machine)}.`,
  ].join("\n");
}

export function saveResults(results: SuiteResults, path: string): void {
  const json = JSON.stringify(results, (_key, value) => (typeof value === "bigint" ? value.toString() : value), 2);
  writeFileSync(path, `${json}\n`);
}

/** Replaces README.md's results block; false when it has no markers. */
export function writeReadmeBlock(results: SuiteResults): boolean {
  if (!existsSync(readmePath)) return false;
  const text = readFileSync(readmePath, "utf8");
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) return false;
  writeFileSync(readmePath, `${text.slice(0, begin + BEGIN.length)}\n${resultsBlock(results)}\n${text.slice(end)}`);
  return true;
}
