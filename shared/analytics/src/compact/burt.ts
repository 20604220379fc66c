// Burt's constraint and effective size over typed neighbourhoods (definitions and conventions:
// indicators/silo/burt.ts). Σ_q over N(i) of a term in q and j is scattered: for each q of N(i) in
// order, its neighbours j that are also in N(i) receive q's term, so every j's sum adds the same
// terms in the same order as the direct double loop (the skipped terms are exact zeros):
// O(Σ_q deg(q)²) instead of O(Σ_i deg(i)²) map look-ups. Isolates get NaN (null to callers).
import type { Neighbourhoods } from "./neighbourhoods.js";

interface Scatter {
  /** Per member: Σ_j m_ij, max_j m_ij. */
  readonly sums: Int32Array;
  readonly maxima: Int32Array;
  /** inEgo[j] === i + 1 while ego i is visited. */
  readonly inEgo: Int32Array;
  /** Per member j of the visited ego: the accumulated Σ_q term(q, j). */
  readonly accumulated: Float64Array;
}

function scatterOf({ ids, offsets, mutual }: Neighbourhoods): Scatter {
  const n = ids.length;
  const sums = new Int32Array(n);
  const maxima = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const m = mutual[e]!;
      sums[i]! += m;
      if (m > maxima[i]!) maxima[i] = m;
    }
  }
  return { sums, maxima, inEgo: new Int32Array(n), accumulated: new Float64Array(n) };
}

/**
 * For every j of N(i): accumulated[j] = Σ_{q∈N(i)} p_iq · m_qj / d, the divisor d being q's Σ_k m_qk
 * (constraint's p_qj) or, `byAlter`, j's max_k m_jk (effective size). Marks N(i) as it goes.
 */
function accumulate(hood: Neighbourhoods, scatter: Scatter, i: number, byAlter: boolean): void {
  const { offsets, neighbours, mutual } = hood;
  const { sums, maxima, inEgo, accumulated } = scatter;
  const start = offsets[i]!;
  const end = offsets[i + 1]!;
  for (let e = start; e < end; e++) {
    inEgo[neighbours[e]!] = i + 1;
    accumulated[neighbours[e]!] = 0;
  }
  const sum = sums[i]!;
  for (let e = start; e < end; e++) {
    const q = neighbours[e]!;
    const piq = mutual[e]! / sum;
    const sumQ = sums[q]!;
    for (let f = offsets[q]!; f < offsets[q + 1]!; f++) {
      const j = neighbours[f]!;
      if (inEgo[j] === i + 1) accumulated[j]! += piq * (mutual[f]! / (byAlter ? maxima[j]! : sumQ));
    }
  }
}

/** c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)², p_ij = m_ij / Σ_k m_ik. */
export function burtConstraint(hood: Neighbourhoods): Float64Array {
  const { ids, offsets, neighbours, mutual } = hood;
  const scatter = scatterOf(hood);
  const result = new Float64Array(ids.length).fill(Number.NaN);
  for (let i = 0; i < ids.length; i++) {
    if (offsets[i] === offsets[i + 1]) continue;
    accumulate(hood, scatter, i, false);
    let c = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      c += (mutual[e]! / scatter.sums[i]! + scatter.accumulated[neighbours[e]!]!) ** 2;
    }
    result[i] = c;
  }
  return result;
}

/** e_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq / max_k m_jk). */
export function burtEffectiveSize(hood: Neighbourhoods): Float64Array {
  const { ids, offsets, neighbours } = hood;
  const scatter = scatterOf(hood);
  const result = new Float64Array(ids.length).fill(Number.NaN);
  for (let i = 0; i < ids.length; i++) {
    if (offsets[i] === offsets[i + 1]) continue;
    accumulate(hood, scatter, i, true);
    let size = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) size += 1 - scatter.accumulated[neighbours[e]!]!;
    result[i] = size;
  }
  return result;
}
