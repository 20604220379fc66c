// Every indicator describes itself completely and truthfully: the options it lists are the only
// ones that change it, and its unit fits the values it gives.
import type { CommunityEvent } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../compact/random.js";
import { day, gathering, interaction, joined, stored } from "../projection/fixtures.js";
import { fromEvents, projectSnapshot } from "../projection/index.js";
import { indicatorCatalogue } from "./catalogue.js";
import { type IndicatorOptionName, indicatorOptionNames } from "./description.js";
import { defaultIndicatorOptions, type IndicatorOptions } from "./indicator.js";
import { computeIndicators, indicatorFamilies, indicators } from "./registry.js";
import { UnknownIndicatorError } from "./unknown-indicator.js";

/** Another value for each option, far enough from the default to change whatever reads it. */
const otherValue: Record<IndicatorOptionName, unknown> = {
  attribute: "occupationalLayer",
  seed: 2,
  permutations: 7,
  exact: true,
  returnWithinMs: day(5) - day(0),
  minParticipations: 1,
  periodMs: day(7) - day(0),
  churnAfterMs: day(10) - day(0),
  clusterShare: 0.5,
  clusterMinSize: 1,
};

/** A year of a small community: members of three sectors and four layers, interactions of every kind, gatherings. */
function busyHistory() {
  const random = mulberry32(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const members = Array.from({ length: 12 }, (_, i) => `m${i}`);
  const sectors = ["education", "business", "health"] as const;
  const layers = ["student", "professional", "management", "director"] as const;
  const kinds = ["advice", "knowledge-sharing", "mentoring", "feedback", "introduction", "collaboration"] as const;
  const roles = ["facilitator", "host", "participant", "co-creator", "learner", "mentee"] as const;
  const events: CommunityEvent[] = members.map((id, i) =>
    joined(id, i * 10, { sector: sectors[i % 3], occupationalLayer: layers[i % 4] }),
  );
  for (let n = 0; n < 160; n++) {
    const on = 120 + n * 1.5 + random();
    const from = pick(members);
    const to = pick(members.filter((id) => id !== from));
    events.push(interaction(`i${n}`, from, [to], on, { kind: pick(kinds) }));
    if (n % 8 === 0) {
      const present = members.filter(() => random() < 0.5);
      events.push(
        gathering(
          `g${n}`,
          on + 0.5,
          present.map((id) => [id, pick(roles)]),
        ),
      );
    }
  }
  return fromEvents(stored(...events));
}

describe("indicator descriptions", () => {
  it("are complete, once per id, each in its family", () => {
    expect(new Set(indicators.map((indicator) => indicator.id)).size).toBe(indicators.length);
    for (const family of indicatorFamilies) {
      expect(family.title).not.toBe("");
      expect(family.about).not.toBe("");
      for (const indicator of family.indicators) {
        expect(indicator.id.startsWith(`${family.id}.`), indicator.id).toBe(true);
        for (const text of [indicator.title, indicator.formula, indicator.source, indicator.returns, indicator.reading])
          expect(text.trim(), indicator.id).not.toBe("");
        const ordered = indicatorOptionNames.filter((name) => indicator.options.includes(name));
        expect(indicator.options, indicator.id).toEqual(ordered);
      }
    }
  });

  it("make the catalogue, without computations", () => {
    const catalogue = indicatorCatalogue();
    expect(catalogue.families.map((family) => family.id)).toEqual(indicatorFamilies.map((family) => family.id));
    expect(catalogue.indicators.map((indicator) => indicator.id)).toEqual(indicators.map((indicator) => indicator.id));
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
    expect(catalogue.indicators.find((indicator) => indicator.id === "silo.ei")).toMatchObject({
      family: "silo",
      unit: "index",
      options: ["attribute"],
    });
  });

  describe("on a busy year", () => {
    const snapshot = projectSnapshot(busyHistory(), { at: day(400), knownAt: day(400) });
    const options: IndicatorOptions = { ...defaultIndicatorOptions, permutations: 20 };
    const values = computeIndicators(snapshot, options);

    it.each(indicators.map((indicator) => [indicator.id, indicator] as const))(
      "%s changes with no option it does not list",
      (_id, indicator) => {
        for (const name of indicatorOptionNames.filter((option) => !indicator.options.includes(option))) {
          const changed = { ...options, [name]: otherValue[name] } as IndicatorOptions;
          expect(indicator.compute(snapshot, changed), name).toEqual(indicator.compute(snapshot, options));
        }
      },
    );

    it("gives values that fit each unit", () => {
      for (const indicator of indicators) {
        const value = values[indicator.id]?.value;
        if (value === null || value === undefined) continue;
        if (indicator.unit === "count") expect(Number.isInteger(value), indicator.id).toBe(true);
        if (indicator.unit === "share") expect(value >= 0 && value <= 1, indicator.id).toBe(true);
        if (indicator.unit === "p-value") expect(value > 0 && value <= 1, indicator.id).toBe(true);
        if (indicator.unit === "days") expect(value, indicator.id).toBeGreaterThan(0);
      }
    });
  });

  it("name an unknown id with a plain error", () => {
    const snapshot = projectSnapshot(busyHistory(), { at: day(400), knownAt: day(400) });
    const unknown = () => computeIndicators(snapshot, defaultIndicatorOptions, ["silo.nothing"]);
    expect(unknown).toThrow(UnknownIndicatorError);
    expect(unknown).toThrow(/^unknown indicator 'silo\.nothing'; known: network\.members, network\.ties/);
  });
});
