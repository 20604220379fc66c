import { afterEach, beforeEach, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

let t: TestApp;
let url: string;
beforeEach(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
  url = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterEach(() => t.close());

it("streams a change message when the community's log grows", async () => {
  const controller = new AbortController();
  const response = await fetch(`${url}/v1/communities/town/changes`, { signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const readUntil = async (marker: string) => {
    while (!text.includes(marker)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${marker}: ${text}`);
      text += decoder.decode(value);
    }
  };
  await readUntil("event: ready");
  expect(text).toContain('data: {"revision":4}');
  await fetch(`${url}/v1/communities/town/interactions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kind: "feedback", from: "cem", to: ["ana"], occurredAt: "2025-03-01T00:00:00Z" }),
  });
  await readUntil("event: change");
  await readUntil("\n\n");
  expect(text).toContain('event: change\ndata: {"revision":5}');
  controller.abort();
});

it("answers 404 for an unknown community", async () => {
  const response = await fetch(`${url}/v1/communities/nowhere/changes`);
  expect(response.status).toBe(404);
});
