import { describe, expect, it } from "vitest";
import { deriveSeed, mulberry32, Random } from "./random.js";

describe("Random", () => {
  it("is a pure function of its seed", () => {
    const a = new Random(7);
    const b = new Random(7);
    const draws = (r: Random) => [r.next(), r.int(10), r.normal(), r.poisson(3), r.poisson(80), r.exponential(2)];
    expect(draws(a)).toEqual(draws(b));
    expect(new Random(8).next()).not.toBe(new Random(7).next());
    expect(mulberry32(7)()).toBe(new Random(7).next());
  });

  it("derives distinct, stable streams per label", () => {
    expect(deriveSeed(1, "members")).toBe(deriveSeed(1, "members"));
    const seeds = new Set(
      ["members", "names", "times", "returns"].flatMap((l) => [deriveSeed(1, l), deriveSeed(2, l)]),
    );
    expect(seeds.size).toBe(8);
  });

  it("draws in range: int, intBetween, between, pick", () => {
    const r = new Random(3);
    for (let k = 0; k < 1000; k++) {
      const i = r.int(5);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(i).toBeLessThan(5);
      const j = r.intBetween(2, 4);
      expect([2, 3, 4]).toContain(j);
      const x = r.between(1, 2);
      expect(x).toBeGreaterThanOrEqual(1);
      expect(x).toBeLessThan(2);
    }
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it("poisson and log-normal factors have the intended means (20,000 draws, within 3%)", () => {
    const r = new Random(11);
    const mean = (f: () => number) => {
      let sum = 0;
      for (let k = 0; k < 20_000; k++) sum += f();
      return sum / 20_000;
    };
    expect(mean(() => r.poisson(2.5))).toBeCloseTo(2.5, 1);
    expect(Math.abs(mean(() => r.poisson(120)) / 120 - 1)).toBeLessThan(0.03);
    expect(Math.abs(mean(() => r.logNormalMeanOne(0.5)) - 1)).toBeLessThan(0.03);
    expect(r.poisson(0)).toBe(0);
    expect(r.logNormalMeanOne(0)).toBe(1);
  });

  it("shuffles into a permutation", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Random(5).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
