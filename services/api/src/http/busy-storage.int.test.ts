import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

// Another program holds the event log's write lock (a stray writer, a tool with the file open): a
// write waits SQLite's busy timeout and then answers 503 with Retry-After, not 500, and writes go
// through again once the lock is let go.

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterEach(() => t.close());

const joinMember = (memberId: string) =>
  t.app.inject({
    method: "POST",
    url: "/v1/communities/town/members",
    payload: { memberId, displayName: "Dan", sector: "business", occupationalLayer: "student" },
  });

describe("a write while another program holds the log's write lock", () => {
  it("answers 503 with Retry-After past SQLite's busy timeout, and succeeds once the lock is gone", async () => {
    const other = new Database(join(t.dataDir, "events.sqlite"));
    other.exec("BEGIN IMMEDIATE");
    try {
      const refused = await joinMember("m-0201");
      expect(refused.statusCode, refused.body).toBe(503);
      expect(refused.headers["retry-after"]).toBe("1");
      expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ status: 503, code: "storage_busy" });
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect((await joinMember("m-0202")).statusCode).toBe(201);
  }, 20_000);

  it("documents the 503 on every route that appends to the log", async () => {
    const spec = (await t.app.inject("/docs/json")).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const writes = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        // Links go to surveys.sqlite, which only this process opens: no other writer holds it.
        .filter(([method]) => method !== "get" && !path.includes("/links"))
        .map(([method, operation]) => ({ route: `${method} ${path}`, documented: "503" in operation.responses })),
    );
    expect(writes.length).toBeGreaterThan(5);
    expect(writes.filter((write) => !write.documented).map((write) => write.route)).toEqual([]);
  });
});
