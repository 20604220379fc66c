// Seeded randomness for permutation tests and Louvain: every indicator value is reproducible
// from (snapshot, options.seed). Never Math.random.
//
// mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator, period 2^32, good enough
// for label permutations and Louvain's node order; not for cryptography.

/** A seeded generator of floats in [0, 1). */
export interface SeededRandom {
  (): number;
  /**
   * Successes among independent trials with success chances `chances`: one draw per trial, in
   * order, a success when the draw is below the chance. The same draws as that many calls, several
   * times faster: the state stays in a local, and counting needs no branch a coin would mispredict.
   */
  successes(chances: Float64Array): number;
  /**
   * Shuffles Int32Array codes in place: the permutation shuffleInPlace gives with this generator
   * (the same draws), faster: the state stays in a local, and the loop only ever sees one array
   * type (the generic shuffle, once called with several, reads and writes about ten times slower).
   */
  shuffle(codes: Int32Array): void;
}

const STEP = 0x6d2b79f5;

/** mulberry32's output for one state. */
function draw(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A generator of floats in [0, 1) from a 32-bit seed (non-integers are truncated). */
export function mulberry32(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + STEP) >>> 0;
    return draw(state);
  };
  const successes = (chances: Float64Array) => {
    let local = state;
    let count = 0;
    for (let k = 0; k < chances.length; k++) {
      local = (local + STEP) >>> 0;
      count += Number(draw(local) < chances[k]!);
    }
    state = local;
    return count;
  };
  const shuffle = (codes: Int32Array) => {
    let local = state;
    for (let i = codes.length - 1; i > 0; i--) {
      local = (local + STEP) >>> 0;
      const j = Math.floor(draw(local) * (i + 1));
      const swap = codes[i]!;
      codes[i] = codes[j]!;
      codes[j] = swap;
    }
    state = local;
  };
  return Object.assign(next, { successes, shuffle });
}

/** Fisher–Yates shuffle in place: every permutation equally likely for a uniform `random`. */
export function shuffleInPlace<T>(items: { length: number; [index: number]: T }, random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = items[i]!;
    items[i] = items[j]!;
    items[j] = swap;
  }
}
