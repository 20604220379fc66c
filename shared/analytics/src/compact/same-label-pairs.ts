// Permutation tests of the E-I family relabel members and count, each time, the fixed pairs
// (arcs, giver→receiver pairs) whose two ends share a label. The pairs are grouped by their first
// end, so each count reads that end's label once and then only the second ends: a tight loop over
// integer arrays, the one cost that grows with the number of permutations.

export interface PairsByFirst {
  /** The second ends of the pairs whose first end is i: `seconds[offsets[i] .. offsets[i + 1])`. */
  readonly offsets: Int32Array;
  readonly seconds: Int32Array;
}

/** Groups pairs (firsts[k], seconds[k]) over members 0 .. n − 1 by first end. */
export function pairsByFirst(n: number, firsts: ArrayLike<number>, seconds: ArrayLike<number>): PairsByFirst {
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < firsts.length; k++) offsets[firsts[k]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const grouped = new Int32Array(firsts.length);
  for (let k = 0; k < firsts.length; k++) grouped[fill[firsts[k]!]!++] = seconds[k]!;
  return { offsets, seconds: grouped };
}

/** The number of pairs whose ends have the same label. */
export function sameLabelPairs({ offsets, seconds }: PairsByFirst, labels: Int32Array): number {
  let same = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    const label = labels[i]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) same += Number(labels[seconds[k]!] === label);
  }
  return same;
}

const LANE_MAX = 255;

/**
 * The same-label pair counts of `rounds` successive relabellings: before each count, `relabel`
 * changes `labels` in place (a shuffle continuing from the previous one). Several labellings are
 * counted in one pass, packed into an int per member: with labels below 16, eight of four bits
 * each; below 256, four of a byte. One XOR then compares them all for a pair, and a zero field
 * (found without carries between fields) marks an equal pair, counted in byte-wide lanes emptied
 * every 255 pairs before they overflow.
 */
export function relabelledSameLabelPairs(
  pairs: PairsByFirst,
  labels: Int32Array,
  rounds: number,
  relabel: (labels: Int32Array) => void,
): Int32Array {
  const counts = new Int32Array(rounds);
  let largest = 0;
  for (const label of labels) largest = Math.max(largest, label);
  const bits = largest < 16 ? 4 : largest < 256 ? 8 : 0;
  if (bits === 0 || labels.some((label) => label < 0)) {
    for (let r = 0; r < rounds; r++) {
      relabel(labels);
      counts[r] = sameLabelPairs(pairs, labels);
    }
    return counts;
  }
  const width = 32 / bits;
  const packed = new Int32Array(labels.length);
  const lanes = new Float64Array(width);
  for (let first = 0; first < rounds; first += width) {
    packed.fill(0);
    const used = Math.min(width, rounds - first);
    for (let lane = 0; lane < used; lane++) {
      relabel(labels);
      for (let i = 0; i < labels.length; i++) packed[i]! |= labels[i]! << (bits * lane);
    }
    countPacked(pairs, packed, bits, lanes);
    for (let lane = 0; lane < used; lane++) counts[first + lane] = lanes[lane]!;
  }
  return counts;
}

/** Adds the four byte lanes of `sum` to lanes[first], lanes[first + step], … */
function addLanes(sum: number, lanes: Float64Array, first: number, step: number): void {
  lanes[first]! += sum & 0xff;
  lanes[first + step]! += (sum >>> 8) & 0xff;
  lanes[first + 2 * step]! += (sum >>> 16) & 0xff;
  lanes[first + 3 * step]! += (sum >>> 24) & 0xff;
}

/**
 * Equal-field counts of the packed labellings over the pairs, into lanes[0 .. 32 / bits). A field
 * of x = own ^ other is zero when (field & low) + low leaves its top bit clear and x has it clear
 * too (low: the field's lower bits; no carry crosses a field). Those top bits are moved to one bit
 * per byte: for bytes, all four lanes at once; for nibbles, the even ones and the odd ones apart.
 */
function countPacked({ offsets, seconds }: PairsByFirst, packed: Int32Array, bits: number, lanes: Float64Array) {
  const nibbles = bits === 4;
  const low = nibbles ? 0x77777777 : 0x7f7f7f7f;
  const evenShift = nibbles ? 3 : 7;
  const oddMask = nibbles ? 0x01010101 : 0;
  lanes.fill(0);
  for (let i = 0; i + 1 < offsets.length; i++) {
    const own = packed[i]!;
    const end = offsets[i + 1]!;
    for (let k = offsets[i]!; k < end; ) {
      const stop = Math.min(end, k + LANE_MAX);
      let even = 0;
      let odd = 0;
      for (; k < stop; k++) {
        const x = own ^ packed[seconds[k]!]!;
        const zero = ~(((x & low) + low) | x | low);
        even += (zero >>> evenShift) & 0x01010101;
        odd += (zero >>> 7) & oddMask;
      }
      addLanes(even, lanes, 0, nibbles ? 2 : 1);
      if (nibbles) addLanes(odd, lanes, 1, 2);
    }
  }
}
