import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AccessKeyStore } from "../access/key-store.js";
import { A, type AccessTestApp, buildAccessTestApp } from "../testing/access-app.js";

// SSE needs a real socket: the app listens on a port and the streams are read through fetch.
const HEARTBEAT_MS = 200;
const STREAMS_PER_KEY = 2;
/** Room for a loaded machine beyond the one heartbeat a stream may outlive its key by. */
const SLACK_MS = 1000;

let t: AccessTestApp;
let url: string;
const opened: AbortController[] = [];
beforeEach(async () => {
  t = await buildAccessTestApp({ changesHeartbeatMs: HEARTBEAT_MS, http: { streamsPerKey: STREAMS_PER_KEY } });
  url = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterEach(async () => {
  for (const controller of opened.splice(0)) controller.abort();
  // fetch may keep an aborted stream's socket until its next request: the server would wait seconds for it.
  t.app.server.closeAllConnections();
  await t.close();
});

const keyIdOf = (secret: string) => t.keys.authenticate(secret)!.keyId;

async function openStream(secret: string) {
  const controller = new AbortController();
  opened.push(controller);
  const response = await fetch(`${url}/v1/communities/${A}/changes`, {
    headers: { authorization: `Bearer ${secret}` },
    signal: controller.signal,
  });
  // Taken at the first read, so a refused stream's problem body can still be read as text.
  let body: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const reader = () => {
    body ??= response.body!.getReader();
    return body;
  };
  const decoder = new TextDecoder();
  let text = "";
  return {
    response,
    close: () => controller.abort(),
    async readUntil(marker: string) {
      while (!text.includes(marker)) {
        const { value, done } = await reader().read();
        if (done) throw new Error(`stream ended before ${marker}: ${text}`);
        text += decoder.decode(value);
      }
    },
    /** Milliseconds until the server ends the stream, or undefined when it is still open after `withinMs`. */
    async endsWithin(withinMs: number): Promise<number | undefined> {
      const started = Date.now();
      const timeout = new Promise<"open">((resolve) => setTimeout(() => resolve("open"), withinMs));
      for (;;) {
        const next = await Promise.race([reader().read(), timeout]);
        if (next === "open") return undefined;
        if (next.done) return Date.now() - started;
        text += decoder.decode(next.value);
      }
    },
    text: () => text,
  };
}

describe("a change stream ends with its key", () => {
  it("ends within one heartbeat when `copgraph keys revoke` revokes the key from another process", async () => {
    const stream = await openStream(t.secrets.facilitatorA);
    expect(stream.response.status).toBe(200);
    await stream.readUntil("event: ready");
    // The CLI opens access.sqlite on its own: the server hears of it only by reading the store.
    const cli = new AccessKeyStore(t.accessFile);
    cli.revoke(keyIdOf(t.secrets.facilitatorA));
    cli.close();
    expect(await stream.endsWithin(HEARTBEAT_MS + SLACK_MS)).toBeDefined();
    expect(stream.text()).toContain("event: closed");
  });

  it("ends when the key is rotated, since the stream holds the old secret", async () => {
    const stream = await openStream(t.secrets.facilitatorA);
    await stream.readUntil("event: ready");
    t.keys.rotate(keyIdOf(t.secrets.facilitatorA));
    expect(await stream.endsWithin(HEARTBEAT_MS + SLACK_MS)).toBeDefined();
  });

  it("stays open while the key is valid", async () => {
    const stream = await openStream(t.secrets.facilitatorA);
    await stream.readUntil("event: ready");
    expect(await stream.endsWithin(3 * HEARTBEAT_MS)).toBeUndefined();
    await stream.readUntil(": keep-alive");
  });
});

describe("open streams per key", () => {
  it("answers 429 problem+json with Retry-After past the cap, per key", async () => {
    for (let i = 0; i < STREAMS_PER_KEY; i++) {
      const stream = await openStream(t.secrets.facilitatorA);
      expect(stream.response.status).toBe(200);
    }
    const refused = await openStream(t.secrets.facilitatorA);
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(JSON.parse(await refused.response.text())).toMatchObject({ status: 429, code: "too_many_streams" });
    // Another key has its own places.
    expect((await openStream(t.secrets.admin)).response.status).toBe(200);
  });

  it("frees a place when a stream closes", async () => {
    const streams = [];
    for (let i = 0; i < STREAMS_PER_KEY; i++) streams.push(await openStream(t.secrets.facilitatorA));
    streams[0]!.close();
    let status = 0;
    // The server learns of the hang-up when the socket closes: try until it has.
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      const again = await openStream(t.secrets.facilitatorA);
      status = again.response.status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(200);
  });
});
