import { readdirSync, readFileSync } from "node:fs";
import { readCpuTimes } from "../support/cpu-load.js";

// This benchmark's own CPU is spread over several processes (this driver, the API server child,
// Chromium's browser, renderer, GPU and utility processes), so "other processes" is the machine's
// busy time minus this whole process tree, from /proc (Linux; elsewhere it reads as unknown).

/** User + system jiffies of `rootPid` and all its live descendants (with their reaped children). */
function treeJiffies(rootPid: number): number | undefined {
  try {
    const children = new Map<number, number[]>();
    const own = new Map<number, number>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      // "pid (comm) state ppid … utime stime cutime cstime …": comm may hold spaces, so split after ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
      const pid = Number(entry);
      own.set(pid, (utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0));
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    }
    let total = 0;
    const stack = [rootPid];
    for (let guard = 0; stack.length > 0 && guard < 100_000; guard++) {
      const pid = stack.pop() as number;
      total += own.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return total;
  } catch {
    return undefined;
  }
}

export interface TreeCpu {
  /** The whole machine, in % of one core (200 = both cores of a 2-core machine); -1 unknown. */
  readonly machinePercent: number;
  /** This benchmark: driver + server + Chromium. */
  readonly benchPercent: number;
  /** Everything else on the machine; -1 unknown. */
  readonly otherPercent: number;
}

/** Starts a window; `end()` says how the machine's CPU was shared during it. */
export function treeCpuWindow(cores: number): { end(): TreeCpu } {
  const machine = readCpuTimes();
  const mine = treeJiffies(process.pid);
  return {
    end() {
      const machineAfter = readCpuTimes();
      const mineAfter = treeJiffies(process.pid);
      if (!machine || !machineAfter || mine === undefined || mineAfter === undefined) {
        return { machinePercent: -1, benchPercent: -1, otherPercent: -1 };
      }
      const total = machineAfter.total - machine.total;
      if (total <= 0) return { machinePercent: -1, benchPercent: -1, otherPercent: -1 };
      const percent = (jiffies: number) => Math.round((jiffies / total) * cores * 1000) / 10;
      const machinePercent = percent(machineAfter.busy - machine.busy);
      const benchPercent = percent(mineAfter - mine);
      return {
        machinePercent,
        benchPercent,
        otherPercent: Math.max(0, Math.round((machinePercent - benchPercent) * 10) / 10),
      };
    },
  };
}
