/** Weights per layer kept for each dyad while a query sums them. */
export const LAYER_SLOTS = 8;

/**
 * The working memory of one query's tie sums, kept by the tie index and reused by the next
 * query (queries of one thread run one at a time): large communities sum a million dyads, and
 * fresh arrays for each query would cost more in allocation and collection than the sums.
 * `slotOf[dyad]` counts only where `stamp[dyad]` is the current query's.
 */
export class TieScratch {
  count = 0;
  #query = 0;
  stamp = new Int32Array(0);
  slotOf = new Int32Array(0);
  rankStamp = new Int32Array(0);
  sourceRank = new Int32Array(0);
  dyad = new Int32Array(1024);
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  order = new Uint32Array(1024);
  /** The slot of the reverse dyad, once both have one; −1 until then. */
  reverse = new Int32Array(1024);
  weights = new Float64Array(1024 * LAYER_SLOTS);
  /** Per slot, when the ties are collected: its tie number (−1: lighter than minWeight) and its sum. */
  tieOfSlot = new Int32Array(0);
  sum = new Float64Array(0);

  /** Starts a query over `dyads` dyads and `members` members; returns its stamp. */
  begin(dyads: number, members: number): number {
    if (this.stamp.length < dyads) {
      this.stamp = grown(this.stamp, dyads, (n) => new Int32Array(n));
      this.slotOf = new Int32Array(this.stamp.length);
    }
    if (this.rankStamp.length < members) {
      this.rankStamp = grown(this.rankStamp, members, (n) => new Int32Array(n));
      this.sourceRank = new Int32Array(this.rankStamp.length);
    }
    this.count = 0;
    this.#query += 1;
    return this.#query;
  }

  /** Makes the collection arrays hold every slot of the current query. */
  fitSlots(): void {
    if (this.tieOfSlot.length >= this.count) return;
    this.tieOfSlot = new Int32Array(this.dyad.length);
    this.sum = new Float64Array(this.dyad.length);
  }

  /** A new slot for `dyad`, its weights zero. */
  add(dyad: number, source: number, target: number): number {
    if (this.count === this.dyad.length) {
      const size = this.dyad.length * 2;
      this.dyad = grown(this.dyad, size, (n) => new Int32Array(n));
      this.source = grown(this.source, size, (n) => new Int32Array(n));
      this.target = grown(this.target, size, (n) => new Int32Array(n));
      this.order = grown(this.order, size, (n) => new Uint32Array(n));
      this.reverse = grown(this.reverse, size, (n) => new Int32Array(n));
      this.weights = grown(this.weights, size * LAYER_SLOTS, (n) => new Float64Array(n));
    }
    const slot = this.count++;
    this.dyad[slot] = dyad;
    this.source[slot] = source;
    this.target[slot] = target;
    this.order[slot] = 0;
    this.reverse[slot] = -1;
    this.weights.fill(0, slot * LAYER_SLOTS, (slot + 1) * LAYER_SLOTS);
    return slot;
  }
}

function grown<T extends Int32Array | Uint32Array | Float64Array>(array: T, size: number, make: (n: number) => T): T {
  const next = make(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}
