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

const LANES = 4;
const LANE_MAX = 255;

/**
 * The same-label pair counts of `rounds` successive relabellings: before each count, `relabel`
 * changes `labels` in place (a shuffle continuing from the previous one). With labels below 256,
 * four labellings are counted in one pass: one byte each in an int per member, so that one XOR
 * compares four pairs of labels and a zero byte marks an equal pair (counted in byte-wide lanes,
 * emptied every 255 pairs before they overflow).
 */
export function relabelledSameLabelPairs(
  pairs: PairsByFirst,
  labels: Int32Array,
  rounds: number,
  relabel: (labels: Int32Array) => void,
): Int32Array {
  const counts = new Int32Array(rounds);
  if (labels.some((label) => label < 0 || label > LANE_MAX)) {
    for (let r = 0; r < rounds; r++) {
      relabel(labels);
      counts[r] = sameLabelPairs(pairs, labels);
    }
    return counts;
  }
  const packed = new Int32Array(labels.length);
  const lanes = new Float64Array(LANES);
  for (let first = 0; first < rounds; first += LANES) {
    packed.fill(0);
    const width = Math.min(LANES, rounds - first);
    for (let lane = 0; lane < width; lane++) {
      relabel(labels);
      for (let i = 0; i < labels.length; i++) packed[i]! |= labels[i]! << (8 * lane);
    }
    countPacked(pairs, packed, lanes);
    for (let lane = 0; lane < width; lane++) counts[first + lane] = lanes[lane]!;
  }
  return counts;
}

/** Equal-byte counts of the packed labels over the pairs, lane by lane, into `lanes`. */
function countPacked({ offsets, seconds }: PairsByFirst, packed: Int32Array, lanes: Float64Array): void {
  lanes.fill(0);
  for (let i = 0; i + 1 < offsets.length; i++) {
    const own = packed[i]!;
    const end = offsets[i + 1]!;
    for (let k = offsets[i]!; k < end; ) {
      const stop = Math.min(end, k + LANE_MAX);
      let sum = 0;
      for (; k < stop; k++) {
        const x = own ^ packed[seconds[k]!]!;
        // 0x80 in each byte of x that is zero, 0 elsewhere (no carry crosses a byte).
        sum += ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f) >>> 7;
      }
      lanes[0]! += sum & 0xff;
      lanes[1]! += (sum >>> 8) & 0xff;
      lanes[2]! += (sum >>> 16) & 0xff;
      lanes[3]! += (sum >>> 24) & 0xff;
    }
  }
}
