import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirBusyError, DataDirLock, LOCK_FILE } from "./data-dir-lock.js";

// The lock of a data folder on a real file system, in this process: who may take it, what a refusal
// says, and which locks count as stale.

let dir: string;
const lockPath = () => join(dir, LOCK_FILE);
const leave = (holder: object) => writeFileSync(lockPath(), JSON.stringify(holder));
const acquire = (command = "copgraph import") => DataDirLock.acquire(dir, command, () => "advice for the caller");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-lock-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("DataDirLock", () => {
  it("is taken by one holder at a time, names it in the file (0600), and is gone once released", () => {
    const lock = acquire("copgraph serve");
    expect(JSON.parse(readFileSync(lockPath(), "utf8"))).toMatchObject({
      command: "copgraph serve",
      pid: process.pid,
      host: hostname(),
    });
    expect(statSync(lockPath()).mode & 0o777).toBe(0o600);
    lock.announce("http://127.0.0.1:3000");
    const refused = (() => {
      try {
        acquire();
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(DataDirBusyError);
    expect((refused as Error).message).toContain(`in use by copgraph serve (pid ${process.pid}`);
    expect((refused as Error).message).toContain("answering at http://127.0.0.1:3000");
    expect((refused as Error).message).toMatch(/\nadvice for the caller$/);
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
    acquire().release();
  });

  it("takes over the lock of this pid from an earlier process (a restarted container), with a message", () => {
    leave({ command: "copgraph serve", pid: process.pid, host: hostname(), startedAt: new Date().toISOString() });
    const lock = acquire();
    expect(lock.recovered).toMatch(new RegExp(`stale lock: copgraph serve \\(pid ${process.pid} .*no longer runs`));
    lock.release();
  });

  it("takes over a lock taken before the machine last started, whatever runs with its pid now", () => {
    leave({ command: "copgraph serve", pid: 1, host: hostname(), startedAt: "2000-01-01T00:00:00.000Z" });
    const lock = acquire();
    expect(lock.recovered).toContain("pid 1 ");
    lock.release();
  });

  it("takes over an unreadable lock", () => {
    writeFileSync(lockPath(), "not a lock");
    const lock = acquire();
    expect(lock.recovered).toContain("unreadable");
    lock.release();
  });

  it("keeps the lock of a process that runs, and of another machine, saying how to remove the latter", () => {
    leave({ command: "copgraph serve", pid: 1, host: hostname(), startedAt: new Date().toISOString() });
    expect(() => acquire()).toThrow(DataDirBusyError);
    leave({ command: "copgraph serve", pid: 4242, host: "elsewhere", startedAt: new Date().toISOString() });
    expect(() => acquire()).toThrow(`if it does not, remove ${lockPath()}`);
    expect(existsSync(lockPath())).toBe(true);
  });
});
