// Acceptance of notices (issue 16): a real server process plays a history in which a watched
// reading crosses its threshold. The notice is dated when it happened (valid time, on the weekly
// grid), arrives over the community's SSE stream, and reaches a real webhook receiver with a valid
// signature, after the receiver failed twice and the server was restarted in between.
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

const ENV = {
  COPGRAPH_DEMO: "0",
  COPGRAPH_WEBHOOK_PRIVATE_ADDRESSES: "1",
  // Long enough for the server to be stopped between the first try and the second.
  COPGRAPH_WEBHOOK_RETRY_MS: "2000",
};

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly answered: number;
  readonly arrivedAt: number;
}

let dataDir: string;
let server: ServerProcess | undefined;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
const arrivals: (() => void)[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "copgraph-notices-"));
  // Fails the first two deliveries, then takes them.
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const answered = received.length < 2 ? 500 : 200;
      received.push({ headers: request.headers, body, answered, arrivedAt: Date.now() });
      response.writeHead(answered).end();
      for (const arrived of arrivals.splice(0)) arrived();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  server = await startServerProcess(dataDir, ENV);
});

afterAll(async () => {
  await server?.kill();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => {
      arrivals.push(resolve);
      setTimeout(resolve, 50);
    });
  }
};

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers of every shape
async function call(method: string, path: string, body?: object): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server!.url}${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();
const joined = (memberId: string, sector: string) => ({
  type: "MemberJoined",
  data: { memberId, displayName: `Member ${memberId}`, sector, occupationalLayer: "professional", occurredAt: day(0) },
});
const advice = (interactionId: string, from: string, to: string, on: number) => ({
  type: "InteractionRecorded",
  data: { interactionId, kind: "advice", from, to: [to], occurredAt: day(on) },
});

/** Reads a community's SSE stream and keeps what it said. */
async function openChanges(communityId: string) {
  const controller = new AbortController();
  const response = await fetch(`${server!.url}/v1/communities/${communityId}/changes`, { signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const stream = { text: "", close: () => controller.abort() };
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        stream.text += decoder.decode(value);
      }
    } catch {
      // aborted
    }
  })();
  await until("the stream to be ready", () => stream.text.includes("event: ready"));
  return stream;
}

it("dates the notice when the reading crossed, sends it over SSE and signs it to a webhook that fails twice", async () => {
  // Three in education, three in business; one tie across sectors, on day 3.
  const registered = await call("POST", "/v1/communities/river/events", {
    events: [
      { type: "CommunityRegistered", data: { communityId: "river", name: "River", concern: "x", occurredAt: day(0) } },
      ...["e1", "e2", "e3"].map((id) => joined(id, "education")),
      ...["b1", "b2", "b3"].map((id) => joined(id, "business")),
      advice("across", "e1", "b1", 3),
    ],
  });
  expect(registered.status).toBe(201);

  const watch = await call("POST", "/v1/communities/river/watches", {
    condition: { kind: "below-baseline", indicator: "silo.ei" },
    webhook: { url: receiverUrl },
  });
  expect(watch.status, JSON.stringify(watch.json)).toBe(201);
  const { watchId } = watch.json.watch;
  const secret: string = watch.json.webhookSecret;
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  // Nothing holds yet: E-I is 1, above its baseline.
  expect((await call("GET", "/v1/communities/river/notices")).json.notices).toEqual([]);

  const changes = await openChanges("river");
  // On Tuesday 11 February 2025 six ties form inside the sectors: E-I falls to −0.71, below 0.2.
  const inside = [
    ["e1", "e2"],
    ["e2", "e3"],
    ["e1", "e3"],
    ["b1", "b2"],
    ["b2", "b3"],
    ["b1", "b3"],
  ];
  const played = await call("POST", "/v1/communities/river/events", {
    events: inside.map(([from, to], index) => advice(`inside${index}`, from!, to!, 41)),
  });
  expect(played.status).toBe(201);

  // The notice is dated by valid time: the first weekly step (Monday) that sees the crossing.
  const at = "2025-02-17T00:00:00.000Z";
  await until("the notice to be listed", async () => {
    return (await call("GET", "/v1/communities/river/notices")).json.notices.length > 0;
  });
  const { notices } = (await call("GET", "/v1/communities/river/notices")).json;
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ watchId, indicator: "silo.ei", at, link: `#/c/river?at=${at}` });
  expect(notices[0].value).toBeCloseTo(-5 / 7);
  expect(notices[0].baseline).toBeCloseTo(0.2);

  // Over the existing SSE stream, as a `notice` message.
  await until("the notice over SSE", () => changes.text.includes("event: notice"));
  const message = /event: notice\ndata: (.*)\n\n/.exec(changes.text)?.[1];
  expect(JSON.parse(message!)).toMatchObject({ watchId, at, link: `#/c/river?at=${at}` });
  changes.close();

  // The first try fails (500). Stop the server before the second: the queue is on disk, the tries go on.
  const deliveries = `/v1/communities/river/watches/${watchId}/deliveries`;
  await until(
    "the first try to be logged",
    async () => (await call("GET", deliveries)).json.deliveries[0]?.attempts === 1,
  );
  expect(received).toHaveLength(1);
  const stoppingAt = Date.now();
  await server!.kill();
  server = await startServerProcess(dataDir, ENV);
  await until("the third delivery", () => received.length >= 3, 30_000);
  // The second try came from the restarted server: the first stopped delivering when told to stop.
  expect(received[1]!.arrivedAt).toBeGreaterThan(stoppingAt);
  expect(server!.output()).not.toMatch(/warn|error/i);

  expect(received.map((r) => r.answered)).toEqual([500, 500, 200]);
  const deliveryIds = new Set(received.map((r) => r.headers["x-copgraph-delivery"]));
  expect(deliveryIds.size).toBe(1);
  for (const { headers, body } of received) {
    const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    expect(headers["x-copgraph-signature"]).toBe(expected);
    expect(headers["content-type"]).toBe("application/json");
  }
  // The payload carries no personal data: community, reading, value, baseline, date, link.
  const payload = JSON.parse(received[2]!.body);
  expect(Object.keys(payload).sort()).toEqual(
    ["baseline", "communityId", "condition", "date", "link", "noticeId", "reading", "value"].sort(),
  );
  expect(payload).toMatchObject({ communityId: "river", reading: "silo.ei", date: at });
  expect(payload.link).toMatch(new RegExp(`/#/c/river\\?at=${at.replace(/[.]/g, "\\.")}$`));
  // Member ids as JSON values, not inside a random watch id ("wae1…" once failed here).
  expect(received[2]!.body).not.toMatch(/Member |"e1"|"b1"/);

  // The delivery log tells the story.
  await until("the delivery to be logged as delivered", async () => {
    return (await call("GET", deliveries)).json.deliveries[0]?.status === "delivered";
  });
  const log = await call("GET", deliveries);
  expect(log.json.deliveries).toHaveLength(1);
  expect(log.json.deliveries[0]).toMatchObject({ noticeId: notices[0].id, attempts: 3, lastStatus: 200 });
  expect(log.json.deliveries[0].tries.map((t: { status: number }) => t.status)).toEqual([500, 500, 200]);

  // The secret stays server-side, its file the owner's alone.
  expect(statSync(join(dataDir, "notices.sqlite")).mode & 0o777).toBe(0o600);
  const listed = await call("GET", "/v1/communities/river/watches");
  expect(JSON.stringify(listed.json)).not.toContain(secret);
}, 90_000);
