import { afterEach, expect, it, vi } from "vitest";
import { followServerEvents, readServerEvents, splitServerEvents } from "./server-events.js";

afterEach(() => vi.unstubAllGlobals());

it("splits complete events, keeps the one still arriving, and names untyped ones 'message'", () => {
  expect(
    splitServerEvents('event: change\ndata: {"revision":3}\n\n: heartbeat\n\ndata: a\ndata: b\n\nevent: no'),
  ).toEqual({
    events: [
      { type: "change", data: '{"revision":3}' },
      { type: "message", data: "a\nb" },
    ],
    rest: "event: no",
  });
});

it("reads events split anywhere across chunks, in order, with the signed-in key", async () => {
  vi.stubGlobal("sessionStorage", { getItem: () => "cgk_key" });
  const chunks = ["event: notice\nda", 'ta: {"n":1}\n\nevent: cha', 'nge\ndata: {"revision":2}\n\n'];
  const asked: RequestInit[] = [];
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    asked.push(init);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
  const seen: string[] = [];
  await new Promise<void>((resolve) => {
    readServerEvents("/v1/communities/town/changes", (event) => {
      seen.push(`${event.type} ${event.data}`);
      if (seen.length === 2) resolve();
    });
  });
  expect(seen).toEqual(['notice {"n":1}', 'change {"revision":2}']);
  expect(JSON.stringify(asked[0]?.headers)).toContain("cgk_key");
});

it("opens a dropped stream again when asked to, and stops at a refusal", async () => {
  vi.stubGlobal("sessionStorage", { getItem: () => null });
  const stream = (text: string) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      }),
    );
  const answers = [
    stream("event: ready\ndata: 1\n\n"),
    stream("event: ready\ndata: 2\n\n"),
    new Response("", { status: 429 }),
  ];
  const fetch = vi.fn(async () => answers.shift() as Response);
  vi.stubGlobal("fetch", fetch);
  const seen: string[] = [];
  readServerEvents("/v1/communities/town/changes", (event) => seen.push(event.data), { reconnectMs: 0 });
  await expect.poll(() => fetch.mock.calls.length).toBe(3);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(fetch).toHaveBeenCalledTimes(3);
  expect(seen).toEqual(["1", "2"]);
});

it("shares one connection among the followers of a stream, and closes it when the last stops", async () => {
  vi.stubGlobal("sessionStorage", { getItem: () => null });
  let aborted = 0;
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    init.signal?.addEventListener("abort", () => aborted++);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("event: change\ndata: 7\n\n"));
      },
    });
    return new Response(body);
  });
  vi.stubGlobal("fetch", fetch);
  const seen: string[] = [];
  const stopA = followServerEvents("/v1/communities/shared/changes", (e) => seen.push(`a${e.data}`));
  const stopB = followServerEvents("/v1/communities/shared/changes", (e) => seen.push(`b${e.data}`));
  await expect.poll(() => seen.length).toBe(2);
  expect(fetch).toHaveBeenCalledTimes(1);
  stopA();
  expect(aborted).toBe(0);
  stopB();
  expect(aborted).toBe(1);
});
