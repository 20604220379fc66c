import { afterEach, expect, it, vi } from "vitest";
import { reads } from "./requests.js";

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

it("asks once more when the server is busy for a moment, and gives the second answer", async () => {
  vi.stubGlobal("sessionStorage", { getItem: () => null });
  const answers = [json({ title: "Too many requests" }, 429, { "retry-after": "0" }), json({ communityId: "town" })];
  const fetch = vi.fn(async () => answers.shift() as Response);
  vi.stubGlobal("fetch", fetch);
  await expect(reads.community("town")).resolves.toEqual({ communityId: "town" });
  expect(fetch).toHaveBeenCalledTimes(2);
});

it("does not ask again past the analytics time budget (Retry-After 30 s): the problem is the answer", async () => {
  vi.stubGlobal("sessionStorage", { getItem: () => null });
  const fetch = vi.fn(async () =>
    json({ title: "Stopped", detail: "past the time budget" }, 503, { "retry-after": "30" }),
  );
  vi.stubGlobal("fetch", fetch);
  await expect(reads.community("town")).rejects.toMatchObject({ status: 503 });
  expect(fetch).toHaveBeenCalledTimes(1);
});
