// The benchmark communities: members who all join on the first day, then exactly `ties` distinct
// directed ties (one InteractionRecorded each, directed kinds only) spread evenly over the weeks,
// so that every week of the time slider adds ties. Seeded, so every run imports the same history.
import { type InteractionKind, interactionKinds, occupationalLayers, sectors } from "@copgraph/domain";

const DAY = 24 * 60 * 60 * 1000;
export const WEEK = 7 * DAY;

export interface CommunitySize {
  readonly label: string;
  readonly communityId: string;
  readonly members: number;
  readonly ties: number;
}

export const SMALL: CommunitySize = {
  label: "2,000 / 10,000",
  communityId: "benchweb2k",
  members: 2_000,
  ties: 10_000,
};
export const LARGE: CommunitySize = {
  label: "10,000 / 50,000",
  communityId: "benchweb10k",
  members: 10_000,
  ties: 50_000,
};

/** The history covers 43 weeks, ending a day ago: room for a 30-step drag that stops before "now". */
export const HISTORY_WEEKS = 43;

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const directedKinds = interactionKinds.filter((kind) => kind !== "collaboration") as InteractionKind[];

export interface CommunityHistory {
  readonly registeredAt: number;
  readonly end: number;
  readonly events: readonly unknown[];
}

/**
 * The events of a community with `members` members and `ties` distinct directed ties. Activity is
 * skewed (a few members give and receive much more), 30 % of ties stay within the sender's sector,
 * and a quarter of the ties are answered later (a second, reverse tie), so the graph has hubs,
 * clusters and reciprocity to draw and compute, as a real community of practice would.
 */
export function buildHistory(size: CommunitySize, now = Date.now(), seed = 7): CommunityHistory {
  const next = random(seed);
  const end = now - DAY;
  const registeredAt = end - HISTORY_WEEKS * WEEK;
  const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  /** A member index, skewed towards low indices (activity follows a heavy-tailed distribution). */
  const skewed = () => Math.min(size.members - 1, Math.floor(size.members * next() ** 1.6));

  const memberIds = Array.from({ length: size.members }, (_, i) => `m${i + 1}`);
  const sectorOf = memberIds.map(() => pick(sectors));
  const bySector = new Map<string, number[]>();
  sectorOf.forEach((sector, i) => {
    const list = bySector.get(sector) ?? [];
    list.push(i);
    bySector.set(sector, list);
  });

  const events: unknown[] = [
    {
      type: "CommunityRegistered",
      data: {
        communityId: size.communityId,
        name: `Rendering benchmark (${size.members} members)`,
        concern: "Drawing large networks in the browser",
        occurredAt: iso(registeredAt),
      },
    },
  ];
  memberIds.forEach((memberId, i) => {
    events.push({
      type: "MemberJoined",
      data: {
        memberId,
        displayName: `Member ${i + 1}`,
        sector: sectorOf[i],
        occupationalLayer: pick(occupationalLayers),
        occurredAt: iso(registeredAt + DAY / 2 + (i / size.members) * (DAY / 3)),
      },
    });
  });

  // Distinct ordered pairs, each with a time; reverse ties come 1-14 days after the first.
  const seen = new Set<string>();
  const ties: { from: number; to: number; at: number }[] = [];
  const firstTieAt = registeredAt + DAY;
  const add = (from: number, to: number, at: number) => {
    const key = `${from}>${to}`;
    if (from === to || seen.has(key) || at > end) return false;
    seen.add(key);
    ties.push({ from, to, at });
    return true;
  };
  for (let attempt = 0; ties.length < size.ties && attempt < size.ties * 50; attempt++) {
    const from = skewed();
    const sameSector = bySector.get(sectorOf[from] as string) as number[];
    const to = next() < 0.3 ? pick(sameSector) : skewed();
    const at = firstTieAt + next() * (end - firstTieAt);
    if (!add(from, to, at)) continue;
    if (ties.length < size.ties && next() < 0.25) add(to, from, at + (1 + next() * 13) * DAY);
  }
  if (ties.length !== size.ties) throw new Error(`generated ${ties.length} ties, not ${size.ties}`);

  ties.sort((a, b) => a.at - b.at);
  ties.forEach((tie, i) => {
    events.push({
      type: "InteractionRecorded",
      data: {
        interactionId: `i${i + 1}`,
        kind: pick(directedKinds),
        from: memberIds[tie.from],
        to: [memberIds[tie.to]],
        occurredAt: iso(tie.at),
        ...(next() < 0.2 ? { weight: 2 + Math.floor(next() * 3) } : {}),
      },
    });
  });
  return { registeredAt, end, events };
}

async function request<T>(baseUrl: string, path: string, init?: RequestInit, timeoutMs = 120_000): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export const getJson = <T>(baseUrl: string, path: string, timeoutMs?: number) =>
  request<T>(baseUrl, path, undefined, timeoutMs);

export const postJson = <T>(baseUrl: string, path: string, body: unknown) =>
  request<T>(baseUrl, path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Imports the history through POST /v1/communities/{id}/events, at most 10,000 events per batch (the API's limit). */
export async function seed(baseUrl: string, size: CommunitySize, history: CommunityHistory): Promise<void> {
  const { events } = history;
  for (let start = 0; start < events.length && start < 1_000_000; start += 10_000) {
    await postJson(baseUrl, `/v1/communities/${size.communityId}/events`, {
      events: events.slice(start, start + 10_000),
    });
  }
}

export interface GraphCounts {
  readonly nodes: number;
  readonly ties: number;
  readonly bytes: number;
  /** The API's answer time measured from this process (no browser, nothing else asking). */
  readonly ms: number;
}

/** GET /graph (at `at`, or now) from Node: the tie count and how long the server took on its own. */
export async function graphCounts(baseUrl: string, communityId: string, at?: string): Promise<GraphCounts> {
  const query = at ? `?at=${encodeURIComponent(at)}` : "";
  const started = performance.now();
  const response = await fetch(`${baseUrl}/v1/communities/${communityId}/graph${query}`, {
    signal: AbortSignal.timeout(300_000),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET graph: ${response.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { nodes: unknown[]; ties: unknown[] };
  return { nodes: body.nodes.length, ties: body.ties.length, bytes: Buffer.byteLength(text), ms };
}

let bumps = 0;
/**
 * Appends one harmless event (a member's display name changes) so the community's revision moves
 * on: the server then drops its cached snapshots and indicator results for it, and the next run
 * finds them cold, as the first visitor to a date does. It changes no tie and no attribute drawn.
 */
export async function bumpRevision(baseUrl: string, communityId: string): Promise<void> {
  bumps++;
  await postJson(baseUrl, `/v1/communities/${communityId}/events`, {
    events: [
      {
        type: "MemberProfileChanged",
        data: { memberId: "m1", displayName: `Member 1 (${bumps})`, occurredAt: new Date().toISOString() },
      },
    ],
  });
}
