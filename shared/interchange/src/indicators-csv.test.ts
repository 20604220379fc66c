import { describe, expect, it } from "vitest";
import { readCsv } from "./csv/rfc4180.js";
import { type IndicatorsLike, indicatorsCsv, type TimelineLike, timelineCsv } from "./indicators-csv.js";

const query = {
  at: "2025-03-01T00:00:00.000Z",
  knownAt: "2025-03-02T00:00:00.000Z",
  from: null,
  halfLife: "P30D",
  layers: ["advice", "collaboration"],
  attribute: "sector",
  minWeight: 0,
  seed: 1,
  permutations: 1000,
  revision: 42,
};

const response: IndicatorsLike = {
  communityId: "healthy",
  query,
  indicators: {
    "silo.ei": {
      value: -0.25,
      version: 2,
      baseline: 0.1,
      p: 0.012,
      z: -2.5,
      byGroup: { education: -0.5, "civil-society": null },
    },
    "network.density": { value: 1 / 3, version: 1 },
    "reciprocity.rho": { value: null, version: 1, byMember: { "m,1": 0.5 } },
  },
};

const dataLines = (text: string) =>
  readCsv(
    text
      .split("\r\n")
      .filter((line) => !line.startsWith("#"))
      .join("\r\n"),
  ).records.map((r) => r.fields);

describe("indicatorsCsv", () => {
  it("writes the query as comment lines, then one row per indicator in full precision", () => {
    const text = indicatorsCsv(response);
    expect(text.split("\r\n").slice(0, 4)).toEqual([
      "# copgraph indicators",
      "# communityId: healthy",
      "# at: 2025-03-01T00:00:00.000Z",
      "# knownAt: 2025-03-02T00:00:00.000Z",
    ]);
    expect(text).toContain("# from: \r\n# halfLife: P30D\r\n# layers: advice,collaboration\r\n");
    expect(text).toContain("# revision: 42\r\n");
    expect(dataLines(text)).toEqual([
      ["indicator", "version", "value", "baseline", "p", "z"],
      ["silo.ei", "2", "-0.25", "0.1", "0.012", "-2.5"],
      ["network.density", "1", String(1 / 3), "", "", ""],
      ["reciprocity.rho", "1", "", "", "", ""],
    ]);
    expect(Number(dataLines(text)[2]![2])).toBe(1 / 3);
  });

  it("writes byGroup and byMember in long format", () => {
    expect(dataLines(indicatorsCsv(response, { breakdown: "byGroup" }))).toEqual([
      ["indicator", "version", "group", "value"],
      ["silo.ei", "2", "education", "-0.5"],
      ["silo.ei", "2", "civil-society", ""],
    ]);
    expect(dataLines(indicatorsCsv(response, { breakdown: "byMember" }))).toEqual([
      ["indicator", "version", "member", "value"],
      ["reciprocity.rho", "1", "m,1", "0.5"],
    ]);
  });

  it("can put the query on every row instead", () => {
    const rows = readCsv(indicatorsCsv(response, { queryAs: "columns" })).records.map((r) => r.fields);
    expect(rows[0]).toEqual([
      "communityId",
      ...Object.keys(query),
      "indicator",
      "version",
      "value",
      "baseline",
      "p",
      "z",
    ]);
    expect(rows[1]?.slice(0, 7)).toEqual([
      "healthy",
      query.at,
      query.knownAt,
      "",
      "P30D",
      "advice,collaboration",
      "sector",
    ]);
    expect(rows).toHaveLength(4);
  });
});

describe("timelineCsv", () => {
  it("writes one row per step and indicator", () => {
    const timeline: TimelineLike = {
      communityId: "healthy",
      query,
      steps: ["2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"],
      series: {
        "silo.ei": { version: 2, values: [0.5, null], baselines: [0.1, 0.2] },
        "network.density": { version: 1, values: [0.1, 0.2] },
      },
    };
    expect(dataLines(timelineCsv(timeline))).toEqual([
      ["step", "indicator", "version", "value", "baseline"],
      ["2025-01-01T00:00:00Z", "silo.ei", "2", "0.5", "0.1"],
      ["2025-01-01T00:00:00Z", "network.density", "1", "0.1", ""],
      ["2025-02-01T00:00:00Z", "silo.ei", "2", "", "0.2"],
      ["2025-02-01T00:00:00Z", "network.density", "1", "0.2", ""],
    ]);
    expect(timelineCsv(timeline).startsWith("# copgraph indicator timeline\r\n# communityId: healthy\r\n")).toBe(true);
  });
});

describe("formula injection", () => {
  it("keeps text that a spreadsheet would run as a formula as text, and negative numbers as numbers", () => {
    const csv = indicatorsCsv(
      {
        communityId: "c",
        query: { attribute: "=cmd|' /C calc'!A0" },
        indicators: {
          "silo.ei": { version: 1, value: -0.5, byGroup: { '=HYPERLINK("http://x")': -1, "@SUM(1)": 0.5, plain: 1 } },
        },
      } as never,
      { breakdown: "byGroup", queryAs: "columns" },
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",-1`);
    expect(csv).toContain("'@SUM(1),0.5");
    expect(csv).toContain("plain,1");
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    expect(csv).not.toMatch(/(^|,)=/m);
  });
});
