import { randomUUID } from "node:crypto";
import { expect } from "vitest";

// Clients that append to a community of a real server until it goes away, and the checks that
// every acknowledged append survived it (crash and shutdown tests).

export const MEMBERS = ["m0", "m1", "m2", "m3", "m4", "m5"];
const json = { "content-type": "application/json" };

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: json, body: JSON.stringify(body) });
}

/** Registers `communityId` with MEMBERS in two sectors. */
export async function seedAppendCommunity(baseUrl: string, communityId: string): Promise<void> {
  const registered = await postJson(`${baseUrl}/v1/communities`, {
    communityId,
    name: communityId,
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
  expect((await postJson(`${baseUrl}/v1/communities/${communityId}/events`, { events })).status).toBe(201);
}

export interface SentWrite {
  /** Interaction ids of one request: an acknowledged request must be stored whole. */
  readonly interactionIds: string[];
  acknowledged: boolean;
}

/**
 * Clients append single interactions (odd clients) and batches of 25 (even clients) until the
 * server stops answering: the connection fails, or a closing server answers 503.
 */
export function appendUntilDown(
  baseUrl: string,
  communityId: string,
  clients: number,
  sent: SentWrite[],
): Promise<unknown> {
  const interaction = (id: string, n: number) => ({
    interactionId: id,
    kind: "advice",
    from: MEMBERS[n % MEMBERS.length],
    to: [MEMBERS[(n + 1) % MEMBERS.length]],
    occurredAt: "2025-02-01T00:00:00Z",
  });
  const community = `${baseUrl}/v1/communities/${communityId}`;
  return Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; ; n++) {
        const batch = client % 2 === 0;
        const ids = Array.from({ length: batch ? 25 : 1 }, () => randomUUID());
        const entry: SentWrite = { interactionIds: ids, acknowledged: false };
        sent.push(entry);
        let response: Response;
        try {
          response = batch
            ? await postJson(`${community}/events`, {
                events: ids.map((id, i) => ({ type: "InteractionRecorded", data: interaction(id, n + i) })),
              })
            : await postJson(`${community}/interactions`, interaction(ids[0] as string, n));
          await response.arrayBuffer();
        } catch {
          return; // connection refused or reset: the server is down
        }
        if (response.status === 503) return; // the server is shutting down
        if (response.status !== 201) throw new Error(`unexpected ${response.status}`);
        entry.acknowledged = true;
      }
    }),
  );
}

export interface LoggedEvent {
  readonly id: string;
  readonly revision: number;
  readonly type: string;
  readonly data: { interactionId?: string; gatheringId?: string; memberId?: string };
  readonly metadata?: { idempotencyKeyHash?: string };
}

/** The community's whole event log, page by page. */
export async function readCommunityLog(baseUrl: string, communityId: string): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  for (let from = 0; ; ) {
    const response = await fetch(`${baseUrl}/v1/communities/${communityId}/events?from=${from}&limit=10000`);
    if (response.status !== 200) throw new Error(`reading the log: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { events: LoggedEvent[]; next: number | null };
    events.push(...page.events);
    if (page.next === null) return events;
    from = page.next;
  }
}

/**
 * Every acknowledged request is stored whole, no other request partly, no interaction twice, and
 * revisions have no gap. Returns how many requests were acknowledged.
 */
export function expectDurableAppends(log: readonly LoggedEvent[], sent: readonly SentWrite[]): number {
  expect(log.map((event) => event.revision)).toEqual(log.map((_, i) => i));
  const stored = new Set(log.flatMap((event) => (event.data.interactionId ? [event.data.interactionId] : [])));
  const acknowledged = sent.filter((entry) => entry.acknowledged);
  for (const entry of acknowledged) for (const id of entry.interactionIds) expect(stored.has(id)).toBe(true);
  for (const entry of sent.filter((e) => !e.acknowledged)) {
    const present = entry.interactionIds.filter((id) => stored.has(id)).length;
    expect([0, entry.interactionIds.length]).toContain(present);
  }
  expect(stored.size).toBe(log.filter((event) => event.type === "InteractionRecorded").length);
  return acknowledged.length;
}
