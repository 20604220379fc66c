import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname, uptime } from "node:os";
import { join } from "node:path";

/** The file in a data folder that names the process holding it. */
export const LOCK_FILE = "copgraph.lock";

/** What a server holds its folder as. */
export const SERVER_COMMAND = "copgraph serve";

export interface LockHolder {
  readonly command: string;
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  /** Where a server answers, once it listens. */
  readonly url?: string;
  /** Tells this holding apart from an earlier one by a process that had the same pid. */
  readonly token: string;
}

/** Tokens of the locks this process holds. */
const heldHere = new Set<string>();

export const describeHolder = (holder: LockHolder) =>
  `${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}${holder.url ? `, answering at ${holder.url}` : ""})`;

/** The folder is held by another process that runs (or may run: on another machine). */
export class DataDirBusyError extends Error {
  constructor(
    readonly holder: LockHolder,
    dataDir: string,
    advice: string,
  ) {
    const elsewhere =
      holder.host === hostname()
        ? ""
        : ` It runs on another machine, so whether it still runs cannot be checked from here: if it does not, remove ${join(dataDir, LOCK_FILE)}.`;
    super(`the data folder ${dataDir} is in use by ${describeHolder(holder)}.${elsewhere}\n${advice}`);
  }
}

/**
 * Who writes a data folder. A server reads back only what it wrote itself, so the process that
 * writes the log (a server, or an import or simulation without one) holds the folder's lock for as
 * long as it runs, and the others refuse. The lock file names its holder; one left by a process
 * that is gone (killed, or the machine restarted) is recovered by the next.
 */
export class DataDirLock {
  private released = false;
  private readonly releaseAtExit = () => this.release();

  private constructor(
    private readonly path: string,
    private holder: LockHolder,
    /** Says which stale lock was removed to take this one, if any. */
    readonly recovered: string | undefined,
  ) {
    heldHere.add(holder.token);
    // A command that ends by process.exit() still lets go (a killed one leaves a stale lock).
    process.once("exit", this.releaseAtExit);
  }

  /** Takes the folder for `command`; throws DataDirBusyError, with `advise(holder)`, while another process holds it. */
  static acquire(dataDir: string, command: string, advise: (holder: LockHolder) => string): DataDirLock {
    const path = join(dataDir, LOCK_FILE);
    const mine: LockHolder = {
      command,
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      token: randomUUID(),
    };
    const recovered: string[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      if (createExclusively(path, mine)) return new DataDirLock(path, mine, recovered.join("\n") || undefined);
      const found = readLock(path);
      if (!found) continue;
      if (found.holder && stillRuns(found.holder))
        throw new DataDirBusyError(found.holder, dataDir, advise(found.holder));
      if (setAside(path, found.text)) {
        recovered.push(
          found.holder
            ? `recovered a stale lock: ${describeHolder(found.holder)} no longer runs; removed its ${path}`
            : `recovered a stale lock: removed the unreadable ${path}`,
        );
      }
    }
    throw new Error(`${path}: other processes kept taking the lock; try again`);
  }

  /** Adds where the server answers, for the messages of commands refused beside it. */
  announce(url: string): void {
    if (this.released || readLock(this.path)?.holder?.token !== this.holder.token) return;
    this.holder = { ...this.holder, url };
    const draft = `${this.path}.${randomUUID()}`;
    writeFileSync(draft, lockText(this.holder), { mode: 0o600, flag: "wx" });
    renameSync(draft, this.path);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.holder.token);
    process.off("exit", this.releaseAtExit);
    if (readLock(this.path)?.holder?.token === this.holder.token) removeIfPresent(this.path);
  }
}

const lockText = (holder: LockHolder) => `${JSON.stringify(holder)}\n`;

/** Creates the lock with its whole text at once (a link of a finished draft), unless one exists. */
function createExclusively(path: string, holder: LockHolder): boolean {
  const draft = `${path}.${holder.token}`;
  writeFileSync(draft, lockText(holder), { mode: 0o600, flag: "wx" });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    removeIfPresent(draft);
  }
}

/** The lock's text and its holder (undefined when unreadable); undefined when there is no lock. */
function readLock(path: string): { text: string; holder?: LockHolder } | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) && typeof holder.host === "string" ? { text, holder } : { text };
  } catch {
    return { text };
  }
}

function stillRuns(holder: LockHolder): boolean {
  // Another machine's processes cannot be checked from here.
  if (holder.host !== hostname()) return true;
  // Our own pid: this process, or an earlier one that had the same pid (a restarted container).
  if (holder.pid === process.pid) return heldHere.has(holder.token);
  // Taken before the machine last started: whatever has that pid now is another process.
  if (Date.parse(holder.startedAt) < Date.now() - uptime() * 1000) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(holder.pid);
}

/**
 * A killed process whose parent never collects it (an orphan where PID 1 does not reap, as in
 * some containers) still answers kill(pid, 0), but it runs no more: Linux shows it as state Z.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock, unless another process replaced it since it was read: moved aside first
 * (only one process can move it), then put back if it is not the one judged stale.
 */
function setAside(path: string, staleText: string): boolean {
  const aside = `${path}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  try {
    if (readFileSync(aside, "utf8") === staleText) return true;
    try {
      linkSync(aside, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return false;
  } finally {
    removeIfPresent(aside);
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
