import { describe, expect, it } from "vitest";
import { mulberry32, shuffleInPlace } from "./random.js";

describe("mulberry32", () => {
  it("gives the same sequence for the same seed, another for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it("matches the reference mulberry32 output for seed 0", () => {
    // First outputs of the reference C implementation (state += 0x6D2B79F5), divided by 2^32.
    const random = mulberry32(0);
    expect(Math.round(random() * 2 ** 32)).toBe(1144304738);
    expect(Math.round(random() * 2 ** 32)).toBe(1416247);
  });

  it("counts successes with the same draws as calls would give, interleaved with calls", () => {
    const called = mulberry32(9);
    const counted = mulberry32(9);
    const chances = Float64Array.from([0.5, 0.1, 0.9, 0.5, 0.3]);
    const expected = Array.from({ length: 12 }, () => called());
    const below = (draws: number[]) => draws.filter((x, k) => x < chances[k]!).length;
    expect(counted.successes(chances)).toBe(below(expected.slice(0, 5)));
    expect([counted(), counted()]).toEqual(expected.slice(5, 7));
    expect(counted.successes(chances)).toBe(below(expected.slice(7, 12)));
    expect(mulberry32(9).successes(new Float64Array(12))).toBe(0);
    expect(mulberry32(9).successes(new Float64Array(12).fill(1))).toBe(12);
  });

  it("stays in [0, 1) with a mean near 1/2", () => {
    const random = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });
});

describe("shuffleInPlace", () => {
  it("permutes (same elements), reproducibly for a seed, on arrays and typed arrays", () => {
    const items = [1, 2, 3, 4, 5, 6];
    shuffleInPlace(items, mulberry32(1));
    expect([...items].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const again = [1, 2, 3, 4, 5, 6];
    shuffleInPlace(again, mulberry32(1));
    expect(again).toEqual(items);
    const typed = Int32Array.from([1, 2, 3, 4, 5, 6]);
    shuffleInPlace(typed, mulberry32(1));
    expect([...typed]).toEqual(items);
  });

  it("makes each of the 6 orders of 3 items about equally likely", () => {
    const random = mulberry32(9);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const items = ["a", "b", "c"];
      shuffleInPlace(items, random);
      counts.set(items.join(""), (counts.get(items.join("")) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});

describe("mulberry32's shuffle", () => {
  it("permutes Int32Array codes exactly as shuffleInPlace does with the same draws, calls between", () => {
    for (const seed of [1, 2, 99]) {
      const codes = Int32Array.from({ length: 50 }, (_, i) => i % 7);
      const generic = Array.from(codes);
      const [own, reference] = [mulberry32(seed), mulberry32(seed)];
      own.shuffle(codes);
      shuffleInPlace(generic, reference);
      expect(own()).toBe(reference());
      own.shuffle(codes);
      shuffleInPlace(generic, reference);
      expect([...codes]).toEqual(generic);
    }
  });
});
