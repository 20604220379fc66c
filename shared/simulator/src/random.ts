// Seeded randomness: a simulation is a pure function of its parameters, so the same seed always
// gives the same events. Never Math.random.
//
// mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, fast and good enough for
// simulation draws; not for cryptography. Independent streams (members, interactions, gatherings…)
// come from deriveSeed, so drawing more in one part does not shift every other part.

/** A generator of floats in [0, 1) from a 32-bit seed (non-integers are truncated). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed for the stream `label` of `seed`: FNV-1a over the label, then murmur3's finaliser. */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Draw helpers over one mulberry32 stream. */
export class Random {
  readonly #next: () => number;
  #spareNormal: number | null = null;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** The stream `label` of `seed` (see deriveSeed). */
  static derive(seed: number, label: string): Random {
    return new Random(deriveSeed(seed, label));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.#next() * n);
  }

  /** Uniform integer in [min, max], both included. */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** Uniform float in [min, max). */
  between(min: number, max: number): number {
    return min + this.#next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.#next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("cannot pick from an empty list");
    return items[this.int(items.length)]!;
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.#spareNormal !== null) {
      const spare = this.#spareNormal;
      this.#spareNormal = null;
      return spare;
    }
    const u = 1 - this.#next(); // (0, 1]: log(0) is avoided
    const v = this.#next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Exponential waiting time with the given rate (per unit); Infinity for rate 0. */
  exponential(rate: number): number {
    if (rate <= 0) return Number.POSITIVE_INFINITY;
    return -Math.log(1 - this.#next()) / rate;
  }

  /**
   * Poisson count with the given mean. Knuth's product method below 30 (exact; cost grows with the
   * mean), a rounded normal above it (the counts here only set activity levels, so that is enough).
   */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.#next();
    while (product > limit) {
      count++;
      product *= this.#next();
    }
    return count;
  }

  /** Log-normal factor with mean 1 and log-scale sd `sigma` (0: always 1). */
  logNormalMeanOne(sigma: number): number {
    return sigma === 0 ? 1 : Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const swap = items[i]!;
      items[i] = items[j]!;
      items[j] = swap;
    }
    return items;
  }
}
