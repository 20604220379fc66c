import { readFileSync, statfsSync } from "node:fs";
import os from "node:os";
import { benchTmpRoot } from "./temp.js";

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly platform: string;
  readonly node: string;
  readonly benchDir: string;
  /** The file system holding the benchmark files, from /proc/mounts when readable. */
  readonly disk: {
    readonly device: string;
    readonly fsType: string;
    readonly sizeGiB: number;
    readonly freeGiB: number;
  };
}

const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;

/** The longest mount point that contains `path` (Linux only; "unknown" elsewhere). */
function mountOf(path: string): { device: string; fsType: string } {
  try {
    let best = { mountPoint: "", device: "unknown", fsType: "unknown" };
    for (const line of readFileSync("/proc/mounts", "utf8").split("\n")) {
      const [device, mountPoint, fsType] = line.split(" ");
      if (!device || !mountPoint || !fsType) continue;
      const inside = path === mountPoint || path.startsWith(mountPoint.endsWith("/") ? mountPoint : `${mountPoint}/`);
      if (inside && mountPoint.length > best.mountPoint.length) best = { mountPoint, device, fsType };
    }
    return { device: best.device, fsType: best.fsType };
  } catch {
    return { device: "unknown", fsType: "unknown" };
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const dir = benchTmpRoot();
  const fs = statfsSync(dir);
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: gib(os.totalmem()),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    benchDir: dir,
    disk: { ...mountOf(dir), sizeGiB: gib(fs.blocks * fs.bsize), freeGiB: gib(fs.bavail * fs.bsize) },
  };
}

export const describeMachine = (m: MachineInfo) =>
  `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.platform}, Node ${m.node}; ` +
  `files in ${m.benchDir} on ${m.disk.device} (${m.disk.fsType}, ${m.disk.sizeGiB} GiB, ${m.disk.freeGiB} GiB free)`;
