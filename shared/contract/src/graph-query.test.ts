import { describe, expect, it } from "vitest";
import { GraphQueryFields, GraphQueryParams, QueryDuration, queryCaps } from "./graph-query.js";

const issues = (query: Record<string, string>) => {
  const parsed = GraphQueryParams.safeParse(query);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

describe("durations in a query", () => {
  it("refuse zero, with the parameter named", () => {
    for (const zero of ["PT0S", "P0D", "P0Y0M0W0DT0H0M0S"]) {
      expect(issues({ halfLife: zero })).toEqual([{ path: ["halfLife"], message: "must be longer than zero" }]);
      expect(issues({ window: zero })).toEqual([{ path: ["window"], message: "must be longer than zero" }]);
    }
  });

  it("refuse negative durations and text that is no duration", () => {
    for (const bad of ["-P1D", "P-1D", "+P1D", "", "P", "PT", "p1d", " P1D", "P1e3D", "30 days"]) {
      expect(issues({ halfLife: bad }), bad).toEqual([
        { path: ["halfLife"], message: "must be an ISO 8601 duration such as P90D, P6M or PT12H" },
      ]);
    }
  });

  it("refuse parts too long to be numbers", () => {
    expect(issues({ window: `P${"9".repeat(400)}Y` })).toEqual([
      { path: ["window"], message: "is too long to be a number" },
    ]);
    // Each part is a number, but the length in ms is not.
    expect(issues({ halfLife: `P${"9".repeat(305)}D` })).toEqual([
      { path: ["halfLife"], message: "is too long to be a number" },
    ]);
  });

  it("accept long and tiny ones: a long window starts at the community's first event", () => {
    for (const ok of ["P999999Y", "P270000Y", "P9007199254740993D", "PT0.001S", "P1Y2M3W4DT5H6M7.5S"]) {
      expect(QueryDuration.safeParse(ok).success, ok).toBe(true);
    }
    expect(issues({ window: "P999999Y" })).toEqual([]);
  });
});

describe("dates in a query", () => {
  it("refuse what a Date cannot hold or no calendar has, with the parameter named", () => {
    for (const bad of ["+275760-09-13T00:00:00Z", "9999-99-99T00:00:00Z", "2025-02-30T00:00:00Z", "", "2026-06-01"]) {
      expect(
        issues({ at: bad }).map((issue) => issue.path),
        bad,
      ).toEqual([["at"]]);
    }
  });

  it("accept the first and last years an ISO date names", () => {
    expect(issues({ at: "9999-12-31T23:59:59.999-14:00", from: "0000-01-01T00:00:00Z" })).toEqual([]);
  });
});

describe("exact", () => {
  it("is true or false as text, and nothing else", () => {
    expect(GraphQueryParams.parse({ exact: "true" }).exact).toBe(true);
    expect(GraphQueryParams.parse({ exact: "false" }).exact).toBe(false);
    expect(GraphQueryParams.parse({}).exact).toBeUndefined();
    for (const bad of ["1", "yes", "TRUE", "", " true"])
      expect(
        issues({ exact: bad }).map((i) => i.path),
        bad,
      ).toEqual([["exact"]]);
  });
});

describe("caps", () => {
  const describedAs = (name: keyof typeof GraphQueryFields.shape) => GraphQueryFields.shape[name].meta()?.description;

  it("refuse more permutations than the cap, naming it", () => {
    expect(issues({ permutations: String(queryCaps.permutations) })).toEqual([]);
    expect(issues({ permutations: String(queryCaps.permutations + 1) })).toEqual([
      { path: ["permutations"], message: "must be at most 10000, the cap on permutations" },
    ]);
  });

  it("are written into the parameters' descriptions", () => {
    expect(describedAs("permutations")).toContain("at most 10000");
    for (const name of ["at", "from", "window"] as const)
      expect(describedAs(name), name).toContain("at most 2400 periods of 30 days (about 197 years)");
    expect(describedAs("exact")).toContain("ε = 0.02");
  });
});
