import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/test-app.js";

// The decider's refusals in a CSV file (members the community does not know, ids used before):
// every bad row is reported with its line, not only the first, and nothing is stored.

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await t.app.inject({
    method: "POST",
    url: "/v1/communities",
    payload: { communityId: "csv", name: "CSV town", concern: "imports", occurredAt: "2025-01-01T00:00:00Z" },
  });
  const members = [
    "memberId,displayName,sector,occupationalLayer,joinedAt",
    "ana,Ana,education,professional,2025-01-02",
    "ben,Ben,business,director,2025-01-02",
  ].join("\n");
  expect((await upload("members", members)).statusCode).toBe(201);
});
afterEach(() => t.close());

function upload(kind: string, body: string, { dryRun = false, community = "csv" } = {}) {
  return t.app.inject({
    method: "POST",
    url: `/v1/communities/${community}/imports/csv?kind=${kind}${dryRun ? "&dryRun=true" : ""}`,
    headers: { "content-type": "text/csv" },
    payload: body,
  });
}

interface LineProblem {
  line: number;
  column?: string;
  message: string;
  pointer: string;
}

const unknownOnLines3And4 = [
  "kind,from,to,occurredAt",
  "advice,ana,ben,2025-02-01",
  "advice,ana,zoe,2025-02-02",
  "advice,yan,ben,2025-02-03",
].join("\n");

describe("a CSV file whose rows the community refuses", () => {
  for (const dryRun of [false, true]) {
    it(`reports unknown members on lines 3 and 4, both, storing nothing${dryRun ? " (dry run)" : ""}`, async () => {
      const before = await t.countEvents();
      const response = await upload("interactions", unknownOnLines3And4, { dryRun });
      expect(response.statusCode, response.body).toBe(422);
      const problem = response.json();
      expect(problem.code).toBe("unknown_member");
      expect(problem.errors.map((e: LineProblem) => [e.line, e.message])).toEqual([
        [3, "member zoe has not joined"],
        [4, "member yan has not joined"],
      ]);
      expect(problem.errors[0].pointer).toBe("/lines/3/to");
      expect(problem.detail).toBe("2 rows cannot be stored; nothing was stored");
      expect(await t.countEvents()).toBe(before);
    });
  }

  it("lists the first 1,000 bad rows and counts the rest", async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => `advice,ana,nobody${i},2025-02-01`);
    const response = await upload("interactions", ["kind,from,to,occurredAt", ...rows].join("\n"));
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json();
    expect(problem.errors).toHaveLength(1_000);
    expect(problem.errors.at(-1).line).toBe(1_001);
    expect(problem.detail).toBe("1,200 rows cannot be stored (the first 1,000 are listed); nothing was stored");
  });

  it("says once that the community is not registered", async () => {
    const response = await upload("interactions", unknownOnLines3And4, { community: "elsewhere" });
    expect(response.statusCode, response.body).toBe(404);
    const problem = response.json();
    expect(problem.code).toBe("community_not_registered");
    expect(problem.detail).toBe(
      "community elsewhere is not registered: register it first with POST /v1/communities; nothing was stored",
    );
    expect(problem.errors ?? []).toEqual([]);
  });
});
