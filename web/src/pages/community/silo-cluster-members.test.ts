import { afterEach, expect, it, vi } from "vitest";
import { siloClustersWithMembers } from "./silo-cluster-members.js";

// The API pages members: every page lists every cluster, with its members on that page.
const pages: Record<string, { members: string[] }[]> = {
  "1": [{ members: ["a", "b"] }, { members: ["c"] }],
  "2": [{ members: ["d"] }, { members: [] }],
  "3": [{ members: [] }, { members: ["e"] }],
};

afterEach(() => vi.unstubAllGlobals());

it("reads every page of members and puts each cluster back together", async () => {
  const asked: URLSearchParams[] = [];
  // The page's reads send the tab's key: no one is signed in here.
  vi.stubGlobal("sessionStorage", { getItem: () => null });
  vi.stubGlobal("fetch", async (path: string) => {
    const query = new URL(path, "http://copgraph").searchParams;
    asked.push(query);
    const page = query.get("page") ?? "1";
    const clusters = (pages[page] ?? []).map((cluster) => ({ ...cluster, silo: true, share: 1 }));
    const body = {
      indicators: { "silo.clusters": { value: 2, version: 1, details: { clusterShare: 0.8, clusters } } },
      memberDetails: { included: true, page: Number(page), pageSize: 5000, members: 5, pages: 3, order: "member id" },
    };
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  });
  const value = await siloClustersWithMembers("town", { at: "2026-01-01T00:00:00Z" }, new AbortController().signal);
  expect(value?.details).toEqual({
    clusterShare: 0.8,
    clusters: [
      { members: ["a", "b", "d"], silo: true, share: 1 },
      { members: ["c", "e"], silo: true, share: 1 },
    ],
  });
  expect(asked.map((query) => query.get("page"))).toEqual(["1", "2", "3"]);
  for (const query of asked) {
    expect(query.get("details")).toBe("members");
    expect(query.get("indicators")).toBe("silo.clusters");
    expect(query.get("at")).toBe("2026-01-01T00:00:00Z");
  }
});
