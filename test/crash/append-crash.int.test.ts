import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

// A real server process is killed with SIGKILL while clients append. After a restart every
// acknowledged event must be there, no unacknowledged batch may be partly there, and the
// community's revisions must have no gaps.

const dataDir = mkdtempSync(join(tmpdir(), "copgraph-crash-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const MEMBERS = ["m0", "m1", "m2", "m3", "m4", "m5"];
const json = { "content-type": "application/json" };

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: json, body: JSON.stringify(body) });
}

async function seed(server: ServerProcess) {
  const registered = await post(`${server.url}/v1/communities`, {
    communityId: "crash",
    name: "Crash",
    concern: "durability",
  });
  expect(registered.status).toBe(201);
  const events = MEMBERS.map((memberId, i) => ({
    type: "MemberJoined",
    data: {
      memberId,
      displayName: memberId,
      sector: i % 2 ? "business" : "education",
      occupationalLayer: "professional",
      occurredAt: "2025-01-01T00:00:00Z",
    },
  }));
  expect((await post(`${server.url}/v1/communities/crash/events`, { events })).status).toBe(201);
}

interface Sent {
  /** Interaction ids of one request: an acknowledged request must be stored whole. */
  readonly interactionIds: string[];
  acknowledged: boolean;
}

/** Clients append single interactions and batches until the server stops answering. */
function appendUntilDown(server: ServerProcess, clients: number, sent: Sent[]): Promise<unknown> {
  const interaction = (id: string, n: number) => ({
    interactionId: id,
    kind: "advice",
    from: MEMBERS[n % MEMBERS.length],
    to: [MEMBERS[(n + 1) % MEMBERS.length]],
    occurredAt: "2025-02-01T00:00:00Z",
  });
  return Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; ; n++) {
        const batch = client % 2 === 0;
        const ids = Array.from({ length: batch ? 25 : 1 }, () => randomUUID());
        const entry: Sent = { interactionIds: ids, acknowledged: false };
        sent.push(entry);
        try {
          const response = batch
            ? await post(`${server.url}/v1/communities/crash/events`, {
                events: ids.map((id, i) => ({ type: "InteractionRecorded", data: interaction(id, n + i) })),
              })
            : await post(`${server.url}/v1/communities/crash/interactions`, interaction(ids[0] as string, n));
          if (response.status !== 201) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
          await response.arrayBuffer();
          entry.acknowledged = true;
        } catch (error) {
          if ((error as Error).message.startsWith("unexpected")) throw error;
          return; // connection refused or reset: the server is down
        }
      }
    }),
  );
}

async function readLog(server: ServerProcess) {
  const events: { revision: number; type: string; data: { interactionId?: string } }[] = [];
  for (let from = 0; ; ) {
    const response = await fetch(`${server.url}/v1/communities/crash/events?from=${from}&limit=10000`);
    const page = (await response.json()) as { events: typeof events; next: number | null };
    events.push(...page.events);
    if (page.next === null) return events;
    from = page.next;
  }
}

describe("SIGKILL while appending", () => {
  it("keeps every acknowledged event, no partial batch, and no revision gap, across two crashes", async () => {
    let server = await startServerProcess(dataDir);
    await seed(server);
    const sent: Sent[] = [];
    for (let crash = 0; crash < 2; crash++) {
      const clients = appendUntilDown(server, 8, sent);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await server.kill("SIGKILL");
      await clients;
      server = await startServerProcess(dataDir);
    }
    try {
      const log = await readLog(server);
      expect(log.map((event) => event.revision)).toEqual(log.map((_, i) => i));
      const stored = new Set(log.flatMap((event) => (event.data.interactionId ? [event.data.interactionId] : [])));
      const acknowledged = sent.filter((entry) => entry.acknowledged);
      expect(acknowledged.length).toBeGreaterThan(20);
      for (const entry of acknowledged) for (const id of entry.interactionIds) expect(stored.has(id)).toBe(true);
      for (const entry of sent.filter((e) => !e.acknowledged)) {
        const present = entry.interactionIds.filter((id) => stored.has(id)).length;
        expect([0, entry.interactionIds.length]).toContain(present);
      }
      expect(stored.size).toBe(log.filter((event) => event.type === "InteractionRecorded").length);
      const inFlight = sent.length - acknowledged.length;
      console.log(
        `crash test: ${acknowledged.length} writes acknowledged, ${inFlight} in flight at the kills, ${log.length} events after restart`,
      );
    } finally {
      await server.kill();
    }
  });
});
