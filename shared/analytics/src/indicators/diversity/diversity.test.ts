import { describe, expect, it } from "vitest";
import { optionsFor, snapshotOf } from "../testing/snapshot.js";
import { blauIndicator } from "./blau.js";
import { egoDiversityIndicator } from "./ego.js";
import { formatDiversityIndicator } from "./format.js";
import { iqvIndicator } from "./iqv.js";
import { shannonEvennessIndicator } from "./shannon-evenness.js";

const sector = optionsFor("sector");
// Two in education, one in business, one in health, one without a sector.
const mixed = snapshotOf({
  members: {
    a: { sector: "education" },
    b: { sector: "education" },
    c: { sector: "business" },
    d: { sector: "health" },
    x: {},
  },
  arcs: [
    ["a", "b"],
    ["b", "a"],
    ["a", "c", 3],
    ["d", "a"],
    ["x", "a"],
  ],
});
const nobody = snapshotOf({ members: {} });
const unlabelled = snapshotOf({ members: { a: {}, b: {} }, arcs: [["a", "b"]] });

describe("diversity.blau", () => {
  it("is 1 − Σ p², over members with a value (x left out)", () => {
    // p = 2/4, 1/4, 1/4: 1 − (1/4 + 1/16 + 1/16) = 0.625.
    const result = blauIndicator.compute(mixed, sector);
    expect(result.value).toBeCloseTo(0.625, 15);
    expect(result.details).toEqual({
      n: 4,
      counts: { education: 2, business: 1, health: 1 },
      k: 8,
      kSource: "catalogue",
      max: 1 - 1 / 8,
    });
  });

  it("is 0 for one category and null with no member having a value", () => {
    const same = snapshotOf({ members: { a: { sector: "health" }, b: { sector: "health" } } });
    expect(blauIndicator.compute(same, sector).value).toBe(0);
    expect(blauIndicator.compute(nobody, sector).value).toBeNull();
    expect(blauIndicator.compute(unlabelled, sector).value).toBeNull();
  });
});

describe("diversity.iqv", () => {
  it("uses K from the fixed catalogue for sector (8), not the 3 observed", () => {
    expect(iqvIndicator.compute(mixed, sector).value).toBeCloseTo((8 / 7) * 0.625, 15);
  });

  it("uses the catalogue for occupationalLayer (5) and learningEnvironment (3)", () => {
    const layers = snapshotOf({
      members: {
        a: { occupationalLayer: "student", learningEnvironment: "formal" },
        b: { occupationalLayer: "director", learningEnvironment: "informal" },
      },
    });
    expect(iqvIndicator.compute(layers, optionsFor("occupationalLayer")).value).toBeCloseTo((5 / 4) * 0.5, 15);
    expect(iqvIndicator.compute(layers, optionsFor("learningEnvironment")).value).toBeCloseTo((3 / 2) * 0.5, 15);
  });

  it("uses K = observed categories for organisation and custom attributes", () => {
    const orgs = snapshotOf({
      members: { a: { organisation: "A" }, b: { organisation: "B" }, c: { office: "Boston" } },
    });
    const result = iqvIndicator.compute(orgs, optionsFor("organisation"));
    expect(result.value).toBeCloseTo(1, 15);
    expect(result.details).toMatchObject({ k: 2, kSource: "observed" });
  });

  it("is null with K < 2 (one observed category of a custom attribute) or no value", () => {
    const one = snapshotOf({ members: { a: { office: "Boston" }, b: { office: "Boston" } } });
    expect(iqvIndicator.compute(one, optionsFor("office")).value).toBeNull();
    expect(iqvIndicator.compute(nobody, sector).value).toBeNull();
  });
});

describe("diversity.shannon_evenness", () => {
  it("is H / ln K with the catalogue K", () => {
    const h = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25));
    const result = shannonEvennessIndicator.compute(mixed, sector);
    expect(result.value).toBeCloseTo(h / Math.log(8), 15);
    expect(result.details).toMatchObject({ entropy: h });
  });

  it("is 1 for an even split over K observed categories, 0 for one category (K ≥ 2)", () => {
    const even = snapshotOf({ members: { a: { office: "A" }, b: { office: "B" }, c: { office: "C" } } });
    expect(shannonEvennessIndicator.compute(even, optionsFor("office")).value).toBeCloseTo(1, 15);
    const same = snapshotOf({ members: { a: { sector: "health" } } });
    expect(shannonEvennessIndicator.compute(same, sector).value).toBe(0);
  });

  it("is null with K < 2 or no value", () => {
    const one = snapshotOf({ members: { a: { office: "Boston" } } });
    expect(shannonEvennessIndicator.compute(one, optionsFor("office")).value).toBeNull();
    expect(shannonEvennessIndicator.compute(nobody, sector).value).toBeNull();
  });
});

describe("diversity.ego", () => {
  it("is Blau over in ∪ out neighbours, each once; unlabelled neighbours left out", () => {
    const result = egoDiversityIndicator.compute(mixed, sector);
    // a's neighbours: b (education), c (business), d (health), x (none) → 1 − 3·(1/3)² = 2/3.
    expect(result.byMember!.a).toBeCloseTo(2 / 3, 15);
    // b and c and d: one neighbour (a) → 0. x has no sector but its neighbour a has: 0.
    expect(result.byMember).toMatchObject({ b: 0, c: 0, d: 0, x: 0 });
    expect(result.value).toBeCloseTo(2 / 3 / 5, 15);
  });

  it("weighted variant weighs each neighbour by the volume both ways", () => {
    const result = egoDiversityIndicator.compute(mixed, sector);
    // a: b = 1 + 1, c = 3, d = 1 → shares 2/6, 3/6, 1/6.
    const weighted = (result.details as { weighted: Record<string, number | null> }).weighted;
    expect(weighted.a).toBeCloseTo(1 - (4 + 9 + 1) / 36, 15);
  });

  it("is null for isolates and members whose neighbours have no value; value null when all are", () => {
    const withIsolate = snapshotOf({
      members: { a: { sector: "health" }, b: { sector: "business" }, c: { sector: "health" } },
      arcs: [["a", "b"]],
    });
    const result = egoDiversityIndicator.compute(withIsolate, sector);
    expect(result.byMember).toEqual({ a: 0, b: 0, c: null });
    expect(result.value).toBe(0);
    expect(egoDiversityIndicator.compute(unlabelled, sector)).toMatchObject({
      value: null,
      byMember: { a: null, b: null },
    });
    expect(egoDiversityIndicator.compute(nobody, sector).value).toBeNull();
  });
});

describe("diversity.format", () => {
  it("is Blau over the gatherings' formats, with IQV and evenness for K = 8 formats", () => {
    const snapshot = snapshotOf({ members: {}, gatherings: ["workshop", "workshop", "online", "site-visit"] });
    const result = formatDiversityIndicator.compute(snapshot, sector);
    expect(result.value).toBeCloseTo(0.625, 15);
    expect(result.details).toMatchObject({
      n: 4,
      counts: { workshop: 2, online: 1, "site-visit": 1 },
      k: 8,
      iqv: (8 / 7) * 0.625,
    });
  });

  it("is 0 when every gathering has one format, null without gatherings", () => {
    const same = snapshotOf({ members: {}, gatherings: ["online", "online"] });
    expect(formatDiversityIndicator.compute(same, sector).value).toBe(0);
    expect(formatDiversityIndicator.compute(nobody, sector)).toMatchObject({
      value: null,
      details: { n: 0, iqv: null, evenness: null },
    });
  });
});
