// Survey links on a real server process: the links point at COPGRAPH_PUBLIC_URL, only their hashes
// are in surveys.sqlite (0600, in the data folder), and a link still works after a restart.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";

const ENV = { COPGRAPH_DEMO: "0", COPGRAPH_PUBLIC_URL: "https://cop.example.org/" };
const dataDir = mkdtempSync(join(tmpdir(), "copgraph-survey-links-"));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

const call = async (method: string, path: string, body?: object, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server!.url}${path}`, {
    method,
    headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined;
  return { status: response.status, text, json };
};

it("issues links at the public address, keeps only their hashes, and honours them after a restart", async () => {
  server = await startServerProcess(dataDir, ENV);
  expect((await call("POST", "/v1/communities", { communityId: "c", name: "C", concern: "surveys" })).status).toBe(201);
  for (const memberId of ["a1", "b1"]) {
    const joined = await call("POST", "/v1/communities/c/members", {
      memberId,
      displayName: `Member ${memberId}`,
      sector: "health",
      occupationalLayer: "professional",
      occurredAt: "2025-01-01T00:00:00Z",
    });
    expect(joined.status, joined.text).toBe(201);
  }
  const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  expect((await call("POST", "/v1/communities/c/surveys", { roundId: "r1", title: "First", closesAt })).status).toBe(
    201,
  );
  const issued = await call("POST", "/v1/communities/c/surveys/r1/links?format=csv");
  const rows = issued.text.trim().split("\r\n");
  expect(rows[0]).toBe("memberId,displayName,link");
  expect(rows[1]).toMatch(/^a1,Member a1,https:\/\/cop\.example\.org\/#\/survey\/[A-Za-z0-9_-]{43}$/);
  const token = rows[1]!.split("#/survey/")[1]!;

  const file = join(dataDir, "surveys.sqlite");
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(readFileSync(file).includes(token)).toBe(false);

  await server.kill("SIGTERM");
  server = await startServerProcess(dataDir, ENV);
  const shown = await call("GET", "/v1/survey", undefined, { "x-survey-token": token });
  expect(shown.status, shown.text).toBe(200);
  expect(shown.json.roster).toEqual([{ memberId: "b1", displayName: "Member b1" }]);
  const saved = await call(
    "PUT",
    "/v1/survey/answer",
    { nominations: [{ question: "ng.advice.v1", named: ["b1"] }], ratings: [], items: [] },
    { "x-survey-token": token },
  );
  expect(saved.status, saved.text).toBe(200);
  expect(server.output()).not.toContain(token);
}, 60_000);
