// Category mixes (sector, layer, format, kind…): non-negative weights, normalised when drawn.
import type { Random } from "./random.js";

export type Weights<K extends string = string> = Readonly<Partial<Record<K, number>>>;

/**
 * Checks a mix: every key in `allowed` (when given), every weight finite and ≥ 0, some weight > 0.
 * Throws RangeError naming the parameter.
 */
export function checkWeights(name: string, weights: Weights, allowed?: readonly string[]): void {
  if (weights === null || typeof weights !== "object") throw new RangeError(`${name} must be an object of weights`);
  let total = 0;
  for (const [key, weight] of Object.entries(weights)) {
    if (allowed && !allowed.includes(key)) {
      throw new RangeError(`${name}: unknown category '${key}'; known: ${allowed.join(", ")}`);
    }
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`${name}.${key} must be a finite number ≥ 0`);
    }
    total += weight;
  }
  if (!(total > 0)) throw new RangeError(`${name} needs at least one positive weight`);
}

/** Draws categories in proportion to their weights (a cumulative table; mixes are small). */
export class WeightedPicker<K extends string> {
  readonly #keys: K[] = [];
  readonly #cumulative: number[] = [];
  readonly #total: number;

  /** `order` fixes the category order, so the same weights always draw the same way. */
  constructor(weights: Weights<K>, order: readonly K[]) {
    let total = 0;
    for (const key of order) {
      const weight = weights[key] ?? 0;
      if (weight <= 0) continue;
      total += weight;
      this.#keys.push(key);
      this.#cumulative.push(total);
    }
    if (total <= 0) throw new RangeError("a mix needs at least one positive weight");
    this.#total = total;
  }

  /** Categories with a positive weight, in order. */
  get keys(): readonly K[] {
    return this.#keys;
  }

  pick(random: Random): K {
    const u = random.next() * this.#total;
    for (let i = 0; i < this.#cumulative.length; i++) if (u < this.#cumulative[i]!) return this.#keys[i]!;
    return this.#keys[this.#keys.length - 1]!;
  }

  /** A category other than `current` (none when it is the only one with weight). */
  pickOther(random: Random, current: K): K | null {
    if (!this.#keys.includes(current)) return this.pick(random);
    if (this.#keys.length < 2) return null;
    // Rejection keeps the relative weights of the other categories.
    for (;;) {
      const key = this.pick(random);
      if (key !== current) return key;
    }
  }
}
