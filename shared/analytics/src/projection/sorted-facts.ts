/** A fact placed in both clocks: valid time, transaction time and log position. */
export interface Dated {
  /** Valid time, ms. */
  readonly occurredAt: number;
  /** Transaction time, ms. */
  readonly recordedAt: number;
  /** Log position: orders facts that share a valid time. */
  readonly revision: number;
}

export function compareDated(a: Dated, b: Dated): number {
  return a.occurredAt - b.occurredAt || a.revision - b.revision;
}

/** What readers of a history may do with its sorted facts. */
export interface ReadonlySortedFacts<T extends Dated> {
  readonly size: number;
  all(): readonly T[];
  between(from: number, to: number): readonly T[];
}

/**
 * Facts kept sorted by (occurredAt, revision), so a query reads only the facts of its window.
 * Appends in valid-time order are O(1); a back-dated one (an import) marks the list unsorted and
 * the next read sorts once. TimSort finds the sorted prefix, so that costs little more than a merge.
 */
export class SortedFacts<T extends Dated> implements ReadonlySortedFacts<T> {
  #facts: T[] = [];
  #sorted = true;

  /** Facts that are already in order (a checkpoint's), taken over without copying; checked in one pass. */
  static adopt<T extends Dated>(facts: T[]): SortedFacts<T> {
    const adopted = new SortedFacts<T>();
    adopted.#facts = facts;
    for (let i = 1; i < facts.length && adopted.#sorted; i++)
      adopted.#sorted = compareDated(facts[i - 1]!, facts[i]!) <= 0;
    return adopted;
  }

  get size(): number {
    return this.#facts.length;
  }

  add(fact: T): void {
    const last = this.#facts.at(-1);
    if (last && compareDated(last, fact) > 0) this.#sorted = false;
    this.#facts.push(fact);
  }

  /** All facts in (occurredAt, revision) order. Read-only view: do not mutate. */
  all(): readonly T[] {
    if (!this.#sorted) {
      this.#facts.sort(compareDated);
      this.#sorted = true;
    }
    return this.#facts;
  }

  /** The facts with from ≤ occurredAt ≤ to, in order; found by binary search. */
  between(from: number, to: number): T[] {
    const facts = this.all();
    return facts.slice(lowerBound(facts, from), upperBound(facts, to));
  }

  /** Rewrites facts in place (erasure strips personal data); the order keys must not change. */
  replaceAll(update: (fact: T) => T): void {
    for (let i = 0; i < this.#facts.length; i++) this.#facts[i] = update(this.#facts[i]!);
  }
}

/** First index whose occurredAt ≥ time. */
function lowerBound(facts: readonly Dated[], time: number): number {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (facts[mid]!.occurredAt < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose occurredAt > time. */
function upperBound(facts: readonly Dated[], time: number): number {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (facts[mid]!.occurredAt <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
