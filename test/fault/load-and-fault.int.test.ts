import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { postJson, readCommunityLog } from "../support/appending-clients.js";
import { runCli } from "../support/cli-process.js";
import { type LoadTally, newTally, type PlannedRequest, sendUntilAnswered } from "../support/retrying-clients.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";
import { suiteDataDir } from "../support/suite-data-dir.js";

// 50 clients read (indicators, graph, event pages) and write (interactions, gatherings, members)
// against a real server process for 60 s, while the server is killed with SIGKILL and restarted
// on the same port twice. Afterwards: every acknowledged write is in the log exactly once, every
// Idempotency-Key once; the indicators the restarted server serves equal a replay of the log by
// the CLI; and no request failed outside the restarts.

const CLIENTS = 50;
const RUN_MS = Number(process.env.LOAD_FAULT_RUN_MS ?? 60_000);
const KILLS_AT = [RUN_MS / 3, (2 * RUN_MS) / 3];
/** A request may still fail this long after the new server said it was listening. */
const SETTLE_MS = 1_000;
const COMMUNITIES = ["loadA", "loadB", "loadC"];
const MEMBERS = 24;
const SECTORS = ["education", "business", "health", "public-authority"];
/** High enough that 50 clients on one address are never limited: this test is about faults. */
// Fifty clients on one address: neither the rate limit nor the cap of heavy requests per caller may refuse them.
const ENV = { COPGRAPH_DEMO: "0", COPGRAPH_RATE_LIMIT: "100000000", COPGRAPH_HEAVY_REQUESTS_PER_KEY: "100000" };

const dataDir = suiteDataDir("load");

/** A deterministic stream of numbers in [0, 1) per client, so runs are comparable. */
function randomFor(seed: number) {
  let state = seed * 2654435761 + 1;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function seed(url: string) {
  for (const communityId of COMMUNITIES) {
    const events = [
      {
        type: "CommunityRegistered",
        data: { communityId, name: communityId, concern: "resilience", occurredAt: "2025-01-01T00:00:00Z" },
      },
      ...Array.from({ length: MEMBERS }, (_, i) => ({
        type: "MemberJoined",
        data: {
          memberId: `m${i}`,
          displayName: `Member ${i}`,
          sector: SECTORS[i % SECTORS.length],
          occupationalLayer: i % 3 === 0 ? "student" : "professional",
          occurredAt: "2025-01-02T00:00:00Z",
        },
      })),
    ];
    const response = await postJson(`${url}/v1/communities/${communityId}/events`, { events });
    expect(response.status, await response.text()).toBe(201);
  }
}

/** The next request of client `client`: two reads for every write, spread over the communities. */
function planner(client: number) {
  const random = randomFor(client + 1);
  const pick = (n: number) => Math.floor(random() * n);
  let n = 0;
  return (): PlannedRequest => {
    n++;
    const communityId = COMMUNITIES[pick(COMMUNITIES.length)] as string;
    const community = `/v1/communities/${communityId}`;
    const member = () => `m${pick(MEMBERS)}`;
    const day = `2025-${String(2 + pick(9)).padStart(2, "0")}-${String(1 + pick(28)).padStart(2, "0")}T10:00:00Z`;
    const roll = random();
    if (roll < 0.22)
      return { kind: "indicators", method: "GET", path: `${community}/indicators`, expect: 200, communityId };
    if (roll < 0.44) return { kind: "graph", method: "GET", path: `${community}/graph`, expect: 200, communityId };
    if (roll < 0.66) {
      const path = `${community}/events?from=${pick(200)}&limit=100`;
      return { kind: "event page", method: "GET", path, expect: 200, communityId };
    }
    const recordId = `c${client}-${n}`;
    if (roll < 0.86) {
      const from = member();
      const to = `m${(Number(from.slice(1)) + 1 + pick(MEMBERS - 1)) % MEMBERS}`;
      const body = { interactionId: recordId, kind: "advice", from, to: [to], occurredAt: day };
      return {
        kind: "interaction",
        method: "POST",
        path: `${community}/interactions`,
        body,
        expect: 201,
        recordId,
        communityId,
      };
    }
    if (roll < 0.95) {
      const first = pick(MEMBERS);
      const participants = [0, 1, 2].map((k) => ({
        memberId: `m${(first + k * 5) % MEMBERS}`,
        role: k === 0 ? "host" : "learner",
      }));
      const body = { gatheringId: recordId, format: "online", participants, occurredAt: day };
      return {
        kind: "gathering",
        method: "POST",
        path: `${community}/gatherings`,
        body,
        expect: 201,
        recordId,
        communityId,
      };
    }
    const body = {
      memberId: recordId,
      displayName: `New ${recordId}`,
      sector: SECTORS[pick(SECTORS.length)],
      occupationalLayer: "professional",
      occurredAt: "2025-01-03T00:00:00Z",
    };
    return { kind: "member", method: "POST", path: `${community}/members`, body, expect: 201, recordId, communityId };
  };
}

interface Restart {
  readonly killedAt: number;
  readonly listeningAt: number;
}

/** The server's indicators, and the CLI's replay of the log at the same dates. */
async function servedAndReplayed(url: string, communityId: string) {
  const served = (await (await fetch(`${url}/v1/communities/${communityId}/indicators?details=members`)).json()) as {
    query: { at: string; knownAt: string; revision: number };
    indicators: Record<string, unknown>;
  };
  const log = await readCommunityLog(url, communityId);
  const file = join(dataDir, `${communityId}.ndjson`);
  writeFileSync(file, log.map((event) => `${JSON.stringify(event)}\n`).join(""));
  const replay = await runCli([
    "replay",
    file,
    "--community",
    communityId,
    "--at",
    served.query.at,
    "--known-at",
    served.query.knownAt,
  ]);
  expect(replay.code, replay.stderr).toBe(0);
  const replayed = JSON.parse(replay.stdout) as { query: { revision: number }; indicators: Record<string, unknown> };
  return { served, replayed, log };
}

describe("load and faults", () => {
  it(
    "50 clients for 60 s across two SIGKILLs: nothing acknowledged lost, nothing twice, projections equal a replay, no errors outside the restarts",
    async () => {
      let server: ServerProcess = await startServerProcess(dataDir, ENV);
      const port = server.port;
      await seed(server.url);
      const tally: LoadTally = newTally();
      const restarts: Restart[] = [];
      const started = Date.now();
      const runEnds = started + RUN_MS;
      const giveUpAt = runEnds + 30_000;

      const clients = Array.from({ length: CLIENTS }, async (_, client) => {
        const next = planner(client);
        while (Date.now() < runEnds) {
          await sendUntilAnswered(
            () => server.url,
            next(),
            tally,
            () => Date.now() > giveUpAt,
          );
        }
      });
      for (const at of KILLS_AT) {
        await new Promise((resolve) => setTimeout(resolve, started + at - Date.now()));
        const killedAt = Date.now();
        await server.kill("SIGKILL");
        server = await startServerProcess(dataDir, ENV, port);
        restarts.push({ killedAt, listeningAt: Date.now() });
      }
      await Promise.all(clients);
      const elapsedMs = Date.now() - started;

      try {
        const duringRestart = (at: number) =>
          restarts.some((restart) => at >= restart.killedAt && at <= restart.listeningAt + SETTLE_MS);
        const outside = tally.failures.filter((failure) => !duringRestart(failure.at) || failure.failure !== "network");
        expect(outside, JSON.stringify(outside.slice(0, 5))).toEqual([]);

        let events = 0;
        for (const communityId of COMMUNITIES) {
          const { served, replayed, log } = await servedAndReplayed(server.url, communityId);
          events += log.length;
          // Projections after the restart equal a replay of the log alone.
          expect(replayed.query.revision).toBe(served.query.revision);
          expect(replayed.indicators).toEqual(served.indicators);

          const recordIds = log.map(
            (event) => event.data.interactionId ?? event.data.gatheringId ?? event.data.memberId ?? "",
          );
          const writtenHere = tally.acknowledged.filter((write) => write.communityId === communityId);
          const stored = new Set(recordIds);
          const lost = writtenHere.filter((write) => !stored.has(write.recordId));
          expect(lost, "acknowledged writes missing from the log").toEqual([]);
          // Every record once, every Idempotency-Key once.
          const counts = new Map<string, number>();
          for (const id of recordIds.filter((id) => /^c\d+-\d+$/.test(id))) counts.set(id, (counts.get(id) ?? 0) + 1);
          expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
          const keys = log.flatMap((event) =>
            event.metadata?.idempotencyKeyHash ? [event.metadata.idempotencyKeyHash] : [],
          );
          expect(new Set(keys).size).toBe(keys.length);
        }

        const reads = ["indicators", "graph", "event page"].reduce(
          (sum, kind) => sum + (tally.completed.get(kind) ?? 0),
          0,
        );
        const downtimes = restarts.map(
          (restart) => `${((restart.listeningAt - restart.killedAt) / 1000).toFixed(1)} s`,
        );
        const requests = reads + tally.acknowledged.length;
        console.log(
          `load-and-fault: ${CLIENTS} clients, ${(elapsedMs / 1000).toFixed(1)} s, ${requests} requests answered ` +
            `(${Math.round(requests / (elapsedMs / 1000))}/s; ${reads} reads, ${tally.acknowledged.length} writes acknowledged), ` +
            `2 SIGKILLs (down ${downtimes.join(", ")}), ${tally.failures.length} failed attempts during the restarts retried ` +
            `(${tally.retried} requests needed a retry), 0 errors outside them; ${events} events in the log, ` +
            `indicators equal to the CLI replay in ${COMMUNITIES.length} communities`,
        );
      } finally {
        await server.kill();
      }
    },
    RUN_MS + 120_000,
  );
});
