import type { GraphResponse } from "@copgraph/contract";
import { describe, expect, it } from "vitest";
import { BACKBONE_ALPHA, isDense, readGraphChoice } from "./backbone.js";
import { readState } from "./view-state.js";

/** A graph of `members` nodes whose backbone keeps `kept` of `all` ties (only the counts matter here). */
function answer(members: number, all: number, kept: number | undefined): GraphResponse {
  const nodes = Array.from({ length: members }, (_, i) => ({ id: `m${i}`, attributes: {} }));
  const ties = Array.from({ length: kept ?? all }, (_, i) => ({
    source: "m0",
    target: `m${i}`,
    weight: 1,
    layers: {},
  }));
  const backbone =
    kept === undefined
      ? undefined
      : { filter: "disparity" as const, alpha: BACKBONE_ALPHA, keptTies: kept, allTies: all, source: "" };
  return { communityId: "c", query: {} as GraphResponse["query"], nodes, ties, ...(backbone && { backbone }) };
}

/** The reads a choice made: the backbone level asked, or "all". */
async function reads(wanted: boolean | undefined, members: number, all: number, kept: number) {
  const asked: (number | "all")[] = [];
  const choice = await readGraphChoice(wanted, async (backbone) => {
    asked.push(backbone ?? "all");
    return answer(members, all, backbone === undefined ? undefined : kept);
  });
  return { asked, onBackbone: choice.onBackbone, drawn: choice.response.ties.length };
}

describe("the view's backbone choice", () => {
  it("calls a graph dense above density 0.2 with more than 200 ties", () => {
    expect(isDense(92, 4441)).toBe(true); // a demo community's two years: 0.53
    expect(isDense(100, 1980)).toBe(false); // exactly 0.2
    expect(isDense(100, 2000)).toBe(true);
    expect(isDense(6, 30)).toBe(false); // everyone met everyone once: dense, but a few ties
    expect(isDense(2000, 10_000)).toBe(false);
    expect(isDense(1, 0)).toBe(false);
  });

  it("opens a dense graph on its backbone, and reads every tie of a sparse one", async () => {
    expect(await reads(undefined, 92, 4441, 820)).toEqual({ asked: [BACKBONE_ALPHA], onBackbone: true, drawn: 820 });
    expect(await reads(undefined, 2000, 10_000, 3000)).toEqual({
      asked: [BACKBONE_ALPHA, "all"],
      onBackbone: false,
      drawn: 10_000,
    });
  });

  it("follows a choice in the URL whatever the density", async () => {
    expect(await reads(false, 92, 4441, 820)).toEqual({ asked: ["all"], onBackbone: false, drawn: 4441 });
    expect(await reads(true, 4, 1, 1)).toEqual({ asked: [BACKBONE_ALPHA], onBackbone: true, drawn: 1 });
    expect(readState(new URLSearchParams("backbone=1")).backbone).toBe(true);
    expect(readState(new URLSearchParams("backbone=0")).backbone).toBe(false);
    expect(readState(new URLSearchParams("backbone=yes")).backbone).toBeUndefined();
    expect(readState(new URLSearchParams("")).backbone).toBeUndefined();
  });
});
