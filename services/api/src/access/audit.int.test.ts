// Who read, exported or erased what: events of their own in the `audit` stream, readable by admins
// through GET /v1/audit, newest first and paged. The community read model never sees them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { openSqliteEventStore } from "@copgraph/event-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { A, type AccessTestApp, buildAccessTestApp } from "../testing/access-app.js";
import { seedCommunity, TEST_NOW } from "../testing/test-app.js";

interface Entry {
  keyId: string;
  role: string;
  action: string;
  route: string;
  url: string;
  communityId: string | null;
  status: number;
  revision: number;
}

describe("audit log", () => {
  let t: AccessTestApp;
  const audit = async (query = "") => {
    const response = await t.app.inject({ url: `/v1/audit${query}`, headers: t.headers.admin });
    expect(response.statusCode).toBe(200);
    return response.json() as { entries: Entry[]; next: number | null };
  };
  const keyIdOf = (name: "facilitatorA" | "researcherA" | "admin") =>
    t.keys.list().find((key) => t.keys.authenticate(t.secrets[name])?.keyId === key.keyId)!.keyId;
  beforeAll(async () => {
    t = await buildAccessTestApp();
  });
  afterAll(async () => t?.close());

  it("records event-log reads, member views and exports with who, what, status and when", async () => {
    await t.app.inject({ url: `/v1/communities/${A}/events`, headers: t.headers.facilitatorA });
    await t.app.inject({ url: `/v1/communities/${A}/members/m-amira`, headers: t.headers.facilitatorA });
    await t.app.inject({ url: `/v1/communities/${A}/export?format=research`, headers: t.headers.researcherA });
    await t.app.inject({ url: `/v1/communities/${A}/graph?format=gexf`, headers: t.headers.researcherA });
    const { entries } = await audit();
    expect(
      entries.slice(0, 4).map(({ action, route, status, communityId }) => ({ action, route, status, communityId })),
    ).toEqual([
      { action: "export", route: "/v1/communities/:id/graph", status: 200, communityId: A },
      { action: "export", route: "/v1/communities/:id/export", status: 200, communityId: A },
      { action: "read", route: "/v1/communities/:id/members/:memberId", status: 200, communityId: A },
      { action: "read", route: "/v1/communities/:id/events", status: 200, communityId: A },
    ]);
    expect(entries[0]).toMatchObject({ keyId: keyIdOf("researcherA"), role: "researcher" });
    expect(entries[3]).toMatchObject({ keyId: keyIdOf("facilitatorA"), role: "facilitator" });
    expect(entries[3]!.url).toBe(`/v1/communities/${A}/events`);
  });

  it("records a refused attempt too, and leaves graph JSON and aggregates unrecorded", async () => {
    const before = (await audit()).entries[0]!.revision;
    await t.app.inject({ url: `/v1/communities/${A}/export?format=ndjson`, headers: t.headers.agencyA });
    await t.app.inject({ url: `/v1/communities/${A}/graph`, headers: t.headers.facilitatorA });
    await t.app.inject({ url: `/v1/communities/${A}/indicators`, headers: t.headers.facilitatorA });
    const { entries } = await audit();
    const added = entries.filter((entry) => entry.revision > before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ role: "agency", action: "export", status: 403 });
  });

  it("stores no research-export key from the URL: the key's value is redacted", async () => {
    const secretKey = "orchard-lantern-7f3a9c2e-export-key";
    const urls = [
      `/v1/communities/${A}/export?format=research&key=${secretKey}`,
      `/v1/communities/${A}/export?key=${secretKey}&format=research`,
      // The same parameter with its name percent-encoded, which the query parser reads as `key`.
      `/v1/communities/${A}/export?format=research&%6Bey=${secretKey}`,
    ];
    for (const url of urls) {
      expect((await t.app.inject({ url, headers: t.headers.admin })).statusCode).toBe(200);
    }
    const stored = (await audit()).entries.slice(0, 3).map((entry) => entry.url);
    expect(stored.reverse()).toEqual([
      `/v1/communities/${A}/export?format=research&key=REDACTED`,
      `/v1/communities/${A}/export?key=REDACTED&format=research`,
      `/v1/communities/${A}/export?format=research&%6Bey=REDACTED`,
    ]);
    expect(stored.join("\n")).not.toContain(secretKey);
  });

  it("is for admins only", async () => {
    for (const who of ["facilitatorA", "researcherA", "agencyA"] as const) {
      const response = await t.app.inject({ url: "/v1/audit", headers: t.headers[who] });
      expect(response.statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: "/v1/audit" })).statusCode).toBe(401);
  });

  it("pages from the newest back to the first entry", async () => {
    const all = (await audit("?limit=1000")).entries;
    expect(all.length).toBeGreaterThanOrEqual(5);
    const seen: number[] = [];
    let query = "?limit=2";
    for (;;) {
      const page = await audit(query);
      seen.push(...page.entries.map((entry) => entry.revision));
      if (page.next === null) break;
      query = `?limit=2&before=${page.next}`;
    }
    expect(seen).toEqual(all.map((entry) => entry.revision));
    expect(seen.at(-1)).toBe(0);
  });

  it("stays out of the communities: the listing and the read model see no audit stream", async () => {
    const listed = (await t.app.inject({ url: "/v1/communities", headers: t.headers.admin })).json();
    expect(listed.communities.map((c: { communityId: string }) => c.communityId)).not.toContain("audit");
    const graph = await t.app.inject({ url: `/v1/communities/${A}/graph`, headers: t.headers.admin });
    expect(graph.statusCode).toBe(200);
  });
});

describe("request log", () => {
  it("writes no research-export key from the URL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "copgraph-log-"));
    const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ store, clock: () => TEST_NOW, logger: { level: "info", stream }, logRequests: true });
    try {
      await seedCommunity(app);
      const secretKey = "orchard-lantern-7f3a9c2e-export-key";
      const response = await app.inject({ url: `/v1/communities/town/export?format=research&key=${secretKey}` });
      expect(response.statusCode).toBe(200);
      const loggedUrls = lines.map((line) => JSON.parse(line).req?.url).filter((url) => url?.includes("/export"));
      expect(loggedUrls).toEqual(["/v1/communities/town/export?format=research&key=REDACTED"]);
      expect(lines.join("")).not.toContain(secretKey);
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
