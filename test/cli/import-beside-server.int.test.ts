import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { openSqliteEventStore } from "@copgraph/event-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";
import { suiteDataDir } from "../support/suite-data-dir.js";

// `copgraph import` next to a running `copgraph serve` on the same data folder. The server is the
// folder's only writer: the import is refused and says how to import over HTTP, and the server
// keeps answering. A read never waits without end, even when something went around that rule.
// A lock left by a process that died is recovered; `copgraph keys` works beside a server.

const LOCK_FILE = "copgraph.lock";
/** A read that takes longer than this hangs, as far as a user looking at "Loading…" can tell. */
const IN_TIME = { signal: () => AbortSignal.timeout(5_000) };

const membersCsv = (dir: string) => {
  const file = join(dir, "good.csv");
  writeFileSync(
    file,
    [
      "memberId,displayName,sector,occupationalLayer,joinedAt",
      "m-0001,Ana,education,professional,2025-01-02",
      "m-0002,Ben,business,director,2025-01-02",
    ].join("\n"),
  );
  return file;
};

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const registerCommunity = async (url: string, communityId: string) => {
  const registered = await post(`${url}/v1/communities`, {
    communityId,
    name: communityId,
    concern: "imports",
    occurredAt: "2025-01-01T00:00:00Z",
  });
  expect(registered.status).toBe(201);
  const joined = await post(`${url}/v1/communities/${communityId}/members`, {
    memberId: "m-0100",
    displayName: "Cem",
    sector: "education",
    occupationalLayer: "student",
    occurredAt: "2025-01-01T09:00:00Z",
  });
  expect(joined.status).toBe(201);
};

const read = (url: string, path: string) => fetch(`${url}${path}`, { signal: IN_TIME.signal() });

/** A pid that no process has now: a child that has already exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid;

/**
 * A server on a folder of its own for a describe's tests, with one community it has read once;
 * it must stop at once when asked (no request left waiting).
 */
function serverWithCommunity(communityId: string): { readonly dataDir: string; readonly server: ServerProcess } {
  const dataDir = suiteDataDir(communityId);
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    server = await startServerProcess(dataDir, { COPGRAPH_DEMO: "0" });
    await registerCommunity(server.url, communityId);
    expect((await read(server.url, `/v1/communities/${communityId}/graph`)).status).toBe(200);
  });
  afterAll(async () => {
    const stopping = Date.now();
    expect(await server?.kill("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(Date.now() - stopping).toBeLessThan(5_000);
  });
  return {
    dataDir,
    get server() {
      if (!server) throw new Error("the server has not started");
      return server;
    },
  };
}

describe("copgraph import beside a running server", () => {
  const running = serverWithCommunity("x");
  const { dataDir } = running;

  it("refuses the import, names the server, says how to import over HTTP, and stores nothing", async () => {
    const before = (await (await read(running.server.url, "/v1/communities/x")).json()) as { revision: number };
    const result = await runCli([
      ...["import", membersCsv(dataDir), "--kind", "members", "--community", "x"],
      ...["--data-dir", dataDir],
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain(`pid ${running.server.child.pid}`);
    expect(result.stderr).toContain("copgraph serve");
    expect(result.stderr).toContain("POST /v1/communities/x/imports/csv?kind=members");
    expect(result.stderr).toContain("POST /v1/communities/x/events");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const after = (await (await read(running.server.url, "/v1/communities/x")).json()) as { revision: number };
    expect(after.revision).toBe(before.revision);
  });

  it("refuses copgraph simulate too", async () => {
    const result = await runCli(["simulate", "--events", "50", "--data-dir", dataDir]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain(`pid ${running.server.child.pid}`);
  });

  it("keeps answering graph and indicators reads in time", async () => {
    for (const path of ["/v1/communities/x/graph", "/v1/communities/x/indicators", "/v1/communities/x"]) {
      const response = await read(running.server.url, path);
      expect(response.status, path).toBe(200);
    }
  });

  it("lets copgraph keys and copgraph export work beside it", async () => {
    const created = await runCli(["keys", "create", "--role", "admin", "--data-dir", dataDir]);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.stdout.trim().split("\n").at(-1)!;
    const me = await fetch(`${running.server.url}/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    const listed = await runCli(["keys", "list", "--data-dir", dataDir]);
    expect(listed.code, listed.stderr).toBe(0);
    const exported = await runCli(["export", "--community", "x", "--format", "ndjson", "--data-dir", dataDir]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("refuses a second server on the same data folder", async () => {
    const second = startServerProcess(dataDir, { COPGRAPH_DEMO: "0" }).then(async (started) => {
      await started.kill("SIGKILL");
      return `a second server started at ${started.url}`;
    });
    await expect(second).rejects.toThrow(/exited with 1[\s\S]*in use by copgraph serve \(pid \d+/);
  });
});

describe("a read the log is ahead of", () => {
  const running = serverWithCommunity("around");
  const { dataDir } = running;

  it("answers 503 with Retry-After by its deadline when another process went around the lock", async () => {
    // What an older copgraph (or any program) writing the file behind the server's back does.
    const store = openSqliteEventStore({ path: join(dataDir, "events.sqlite") });
    try {
      const stream = await store.readStream("community-around");
      const joined = stream.find((event) => event.type === "MemberJoined")!;
      await store.appendToStream(
        "community-around",
        [
          {
            id: randomUUID(),
            type: joined.type,
            data: { ...(joined.data as object), memberId: "m-0101" },
            metadata: joined.metadata,
          },
        ],
        { expectedRevision: joined.revision },
      );
    } finally {
      await store.close();
    }
    const started = Date.now();
    const response = await fetch(`${running.server.url}/v1/communities/around/graph`, {
      signal: AbortSignal.timeout(25_000),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as { code: string }).code).toBe("read_model_behind");
  }, 30_000);
});

describe("a lock left by a process that is gone", () => {
  const dataDir = suiteDataDir("stale");
  const leaveStaleLock = (command: string) => {
    const pid = deadPid();
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), startedAt: new Date().toISOString(), command }),
    );
    return pid;
  };

  it("is recovered by an import, with a message", async () => {
    const pid = leaveStaleLock("copgraph serve");
    const result = await runCli([
      ...["import", "--dataset", "karate"],
      ...["--community", "karate", "--data-dir", dataDir],
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`stale lock`);
    expect(result.stderr).toContain(`pid ${pid}`);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it("is recovered by a server, which removes its own lock when it stops", async () => {
    const pid = leaveStaleLock("copgraph import");
    const server = await startServerProcess(dataDir, { COPGRAPH_DEMO: "0" });
    try {
      expect(server.output()).toContain(`stale lock`);
      expect(server.output()).toContain(`pid ${pid}`);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
      expect((await read(server.url, "/v1/communities/karate/indicators")).status).toBe(200);
    } finally {
      expect(await server.kill("SIGTERM")).toEqual({ code: 0, signal: null });
    }
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});
