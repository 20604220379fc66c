/** Unordered pairs of n members: n(n − 1)/2, and 0 (not −0) for none. */
export function pairsAmong(n: number): number {
  return n < 2 ? 0 : (n * (n - 1)) / 2;
}
