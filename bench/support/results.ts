import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { MachineInfo } from "./machine.js";

export const resultsFile = fileURLToPath(new URL("../results/write-side.json", import.meta.url));
export const readResultsFile = fileURLToPath(new URL("../results/read-side.json", import.meta.url));

/** The code measured: HEAD and the files under services/ and shared/ changed since (they are benchmarked too). */
export interface CodeVersion {
  readonly commit: string;
  readonly uncommitted: string[];
}

export function codeVersion(): CodeVersion {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: fileURLToPath(new URL("../../", import.meta.url)), encoding: "utf8" }).trim();
  try {
    const uncommitted = git("status", "--porcelain", "--", "services", "shared")
      .split("\n")
      .filter((line) => line.length > 0);
    return { commit: git("rev-parse", "--short", "HEAD"), uncommitted };
  } catch {
    return { commit: "unknown", uncommitted: [] };
  }
}

interface ResultsFile {
  machine: MachineInfo;
  command: string;
  updatedAt: string;
  benchmarks: Record<string, unknown>;
}

/**
 * Stores one benchmark's raw results under its name, keeping the others already in the file, so
 * `run.ts http` alone does not wipe the append and batch results. BigInts are written as strings.
 * `path`: the results file (write side by default).
 */
export function saveResult(
  name: string,
  result: unknown,
  machine: MachineInfo,
  command: string,
  code: CodeVersion = codeVersion(),
  path: string = resultsFile,
): void {
  mkdirSync(fileURLToPath(new URL("../results/", import.meta.url)), { recursive: true });
  let benchmarks: Record<string, unknown> = {};
  if (existsSync(path)) {
    try {
      benchmarks = (JSON.parse(readFileSync(path, "utf8")) as ResultsFile).benchmarks ?? {};
    } catch {
      benchmarks = {};
    }
  }
  benchmarks[name] = { ...(result as object), command, measuredAt: new Date().toISOString(), code, machine };
  const file: ResultsFile = { machine, command, updatedAt: new Date().toISOString(), benchmarks };
  const json = JSON.stringify(file, (_key, value) => (typeof value === "bigint" ? value.toString() : value), 2);
  writeFileSync(path, `${json}\n`);
}
