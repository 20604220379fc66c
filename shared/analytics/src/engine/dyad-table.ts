/**
 * Directed member pairs (source, target) → dense dyad numbers, in an open-addressing table of
 * typed arrays: a lookup hashes two integers, where a Map of numeric keys above 2^31 would
 * allocate a number for every lookup.
 */
export class DyadTable {
  #sources = new Int32Array(1024).fill(-1);
  #targets = new Int32Array(1024);
  #dyads = new Int32Array(1024);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The pair's dyad, or −1 when it has none. */
  find(source: number, target: number): number {
    const mask = this.#sources.length - 1;
    for (let slot = hash(source, target) & mask; ; slot = (slot + 1) & mask) {
      const s = this.#sources[slot] as number;
      if (s === -1) return -1;
      if (s === source && this.#targets[slot] === target) return this.#dyads[slot] as number;
    }
  }

  /** Adds a pair not in the table with the next dyad number, and returns it. */
  add(source: number, target: number): number {
    // Kept at most half full, so probes stay short.
    if ((this.#size + 1) * 2 > this.#sources.length) this.#grow();
    const dyad = this.#size++;
    this.#place(source, target, dyad);
    return dyad;
  }

  #place(source: number, target: number, dyad: number): void {
    const mask = this.#sources.length - 1;
    let slot = hash(source, target) & mask;
    while (this.#sources[slot] !== -1) slot = (slot + 1) & mask;
    this.#sources[slot] = source;
    this.#targets[slot] = target;
    this.#dyads[slot] = dyad;
  }

  #grow(): void {
    const sources = this.#sources;
    const targets = this.#targets;
    const dyads = this.#dyads;
    this.#sources = new Int32Array(sources.length * 2).fill(-1);
    this.#targets = new Int32Array(sources.length * 2);
    this.#dyads = new Int32Array(sources.length * 2);
    for (let slot = 0; slot < sources.length; slot++) {
      if (sources[slot] !== -1) this.#place(sources[slot] as number, targets[slot] as number, dyads[slot] as number);
    }
  }
}

function hash(source: number, target: number): number {
  let h = Math.imul(source, 0x9e3779b1) ^ Math.imul(target + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}
