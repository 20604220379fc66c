import { readFileSync } from "node:fs";

// Whole-machine CPU from /proc/stat, to see (and wait out) other work on a shared 2-core machine:
// a benchmark run that shares the cores with a test suite measures the test suite too.

export interface CpuTimes {
  /** Jiffies summed over all CPUs. */
  readonly busy: number;
  readonly total: number;
  readonly at: number;
}

/** undefined where /proc/stat is unreadable (not Linux). */
export function readCpuTimes(): CpuTimes | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
    const [, ...fields] = line.trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal (guest is already in user)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.slice(0, 8).map(Number) as number[];
    const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
    return { busy, total: busy + (idle ?? 0) + (iowait ?? 0), at: Date.now() };
  } catch {
    return undefined;
  }
}

/** Busy CPU between two readings in % of one core (200 = both cores of a 2-core machine). */
export function busyPercent(before: CpuTimes | undefined, after: CpuTimes | undefined, cores: number): number {
  if (!before || !after || after.total <= before.total) return -1;
  return Math.round(((after.busy - before.busy) / (after.total - before.total)) * cores * 1000) / 10;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface QuietWait {
  readonly waitedMs: number;
  /** Machine CPU in the last second before starting, in % of one core. */
  readonly busyPercentAtStart: number;
}

/**
 * Waits (at most `maxWaitMs`) until the machine was below `maxBusyPercent` (of one core) for one
 * second, so a run does not start while another process is busy. Gives up silently and reports.
 */
export async function waitForQuiet(cores: number, maxBusyPercent = 25, maxWaitMs = 30_000): Promise<QuietWait> {
  const start = Date.now();
  let busy = -1;
  for (let i = 0; i < 120 && Date.now() - start < maxWaitMs; i++) {
    const before = readCpuTimes();
    await sleep(1000);
    busy = busyPercent(before, readCpuTimes(), cores);
    if (busy < 0 || busy <= maxBusyPercent) break;
  }
  return { waitedMs: Date.now() - start, busyPercentAtStart: busy };
}

export interface CpuWindow {
  /** All CPU use on the machine during the window, in % of one core. */
  readonly machinePercent: number;
  /** This process (the benchmark driver, autocannon included). */
  readonly selfPercent: number;
  /** What other processes used: machine − this process − the server child (when given); -1 unknown. */
  readonly otherPercent: number;
}

/** Starts a CPU window; `end(childCpuPercent)` closes it (the server child's CPU, if any, in % of one core). */
export function cpuWindow(cores: number): { end(childCpuPercent?: number): CpuWindow } {
  const times = readCpuTimes();
  const self = process.cpuUsage();
  const startedAt = process.hrtime.bigint();
  return {
    end(childCpuPercent = 0) {
      const machinePercent = busyPercent(times, readCpuTimes(), cores);
      const used = process.cpuUsage(self);
      const wallMicros = Number(process.hrtime.bigint() - startedAt) / 1000;
      const selfPercent = Math.round(((used.user + used.system) / Math.max(1, wallMicros)) * 1000) / 10;
      const otherPercent =
        machinePercent < 0 ? -1 : Math.max(0, Math.round((machinePercent - selfPercent - childCpuPercent) * 10) / 10);
      return { machinePercent, selfPercent, otherPercent };
    },
  };
}
