// Expected counts of distinct arcs, the way silo.ei and reciprocity.edge count them: a pair that
// interacted five times is one arc. Repeats are likelier inside groups (fewer partners to draw
// from) and chance reverses likelier in dense graphs, so arc-level values drift from the
// interaction-level, sparse-limit formulas of expectations.ts; this follows them exactly in
// expectation for a fixed membership.
//
// A draw of member x picks a given partner with chance a (in-group: h/(n_g − 1) + (1 − h)/(N − 1);
// out-group: (1 − h)/(N − 1); n_g and N at the draw's instant) and the tie comes back with chance
// c (ρ for a directed kind, 1 for a mutual one). Per member, in- and out-group:
//   l(x) = Σ_draws −ln(1 − a),   r(x) = Σ_draws −ln(1 − c·a)
// and, draws being independent (Poisson limit for the split into returned and not):
//   P(arc i→j)           = 1 − e^{−l(i) − r(j)}
//   P(arcs i→j and j→i)  = 1 − e^{−l(i) − r(j)} − e^{−l(j) − r(i)} + e^{−l(i) − l(j)}
// Summing over ordered pairs factorises per group (sums of e^{−l}, e^{−r}), so it costs
// O(members + draws). Groups are the members' sectors at `end` (what the projection reads).
// With growth and churn it assumes every member could have met every other: it errs toward more arcs.

export interface Draw {
  readonly sender: number;
  /** Chance of a given in-group partner (0 when the sender is alone in the group). */
  readonly aIn: number;
  /** Chance of a given out-group partner. */
  readonly aOut: number;
  /** Chance the tie comes back: ρ for a directed kind, 1 for a mutual one. */
  readonly back: number;
}

export interface ExpectedArcs {
  readonly internal: number;
  readonly external: number;
  /** Arcs whose reverse exists too. */
  readonly reciprocated: number;
}

interface GroupSums {
  size: number;
  lIn: number;
  lIn2: number;
  rIn: number;
  lOut: number;
  rOut: number;
}

export function expectedArcs(groupOf: readonly number[], draws: readonly Draw[]): ExpectedArcs {
  const n = groupOf.length;
  const lIn = new Float64Array(n);
  const lOut = new Float64Array(n);
  const rIn = new Float64Array(n);
  const rOut = new Float64Array(n);
  for (const { sender, aIn, aOut, back } of draws) {
    if (sender >= n) continue;
    lIn[sender]! -= Math.log1p(-aIn);
    lOut[sender]! -= Math.log1p(-aOut);
    rIn[sender]! -= Math.log1p(-back * aIn);
    rOut[sender]! -= Math.log1p(-back * aOut);
  }
  const groups = new Map<number, GroupSums>();
  const all = { lOut: 0, rOut: 0 };
  for (let j = 0; j < n; j++) {
    const sums = groups.get(groupOf[j]!) ?? { size: 0, lIn: 0, lIn2: 0, rIn: 0, lOut: 0, rOut: 0 };
    sums.size++;
    sums.lIn += Math.exp(-lIn[j]!);
    sums.lIn2 += Math.exp(-2 * lIn[j]!);
    sums.rIn += Math.exp(-rIn[j]!);
    sums.lOut += Math.exp(-lOut[j]!);
    sums.rOut += Math.exp(-rOut[j]!);
    groups.set(groupOf[j]!, sums);
    all.lOut += Math.exp(-lOut[j]!);
    all.rOut += Math.exp(-rOut[j]!);
  }
  // Sums over ordered pairs with no arc (noArc…) and with neither arc (neither…), in and out of groups.
  let noArcIn = 0;
  let noArcOut = 0;
  let neitherOut = 0;
  for (let i = 0; i < n; i++) {
    const g = groups.get(groupOf[i]!)!;
    noArcIn += Math.exp(-lIn[i]!) * (g.rIn - Math.exp(-rIn[i]!));
    noArcOut += Math.exp(-lOut[i]!) * (all.rOut - g.rOut);
    neitherOut += Math.exp(-lOut[i]!) * (all.lOut - g.lOut);
  }
  let pairsIn = 0;
  let neitherIn = 0;
  for (const g of groups.values()) {
    pairsIn += g.size * (g.size - 1);
    neitherIn += g.lIn * g.lIn - g.lIn2;
  }
  const pairsOut = n * (n - 1) - pairsIn;
  return {
    internal: pairsIn - noArcIn,
    external: pairsOut - noArcOut,
    reciprocated: n * (n - 1) - 2 * (noArcIn + noArcOut) + neitherIn + neitherOut,
  };
}
