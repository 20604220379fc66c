// Composition of a set of categorical values and the diversity formulas the diversity
// indicators share. Weights are counts (members, gatherings) or volumes (ego, weighted).
//   Blau / Gini–Simpson  D = 1 − Σ p_k²             (Blau 1977)
//   Agresti IQV          IQV = K/(K − 1) · D         (Agresti & Agresti 1978)
//   Shannon              H = −Σ p_k ln p_k;  J = H / ln K   (Shannon 1948; Pielou 1966)
// Each is null when there is nothing to measure (no weight) or K < 2 (IQV, J).
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Value } from "../indicator.js";
import { categoryCount, groupsOf } from "../support/graph.js";

export type Counts = ReadonlyMap<string, number>;

export function countsOf(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function total(counts: Counts): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

export function blauOf(counts: Counts): Value {
  const n = total(counts);
  if (n <= 0) return null;
  let sumSquares = 0;
  for (const count of counts.values()) sumSquares += (count / n) ** 2;
  return 1 - sumSquares;
}

export function iqvOf(counts: Counts, k: number): Value {
  const d = blauOf(counts);
  return d === null || k < 2 ? null : (k / (k - 1)) * d;
}

export function shannonOf(counts: Counts): Value {
  const n = total(counts);
  if (n <= 0) return null;
  let h = 0;
  for (const count of counts.values()) if (count > 0) h -= (count / n) * Math.log(count / n);
  return h;
}

export function evennessOf(counts: Counts, k: number): Value {
  const h = shannonOf(counts);
  return h === null || k < 2 ? null : h / Math.log(k);
}

export interface MemberComposition {
  /** Members with a value for the attribute. */
  readonly n: number;
  readonly counts: Readonly<Record<string, number>>;
  /** K: catalogue size for sector / occupationalLayer / learningEnvironment, else observed categories. */
  readonly k: number;
  readonly kSource: "catalogue" | "observed";
}

/** Member composition for an attribute; members without a value are left out. */
export function memberComposition(
  graph: CommunityGraph,
  attribute: string,
): { counts: Counts; info: MemberComposition } {
  const groups = groupsOf(graph, attribute);
  const counts = countsOf(groups.values());
  const { k, source } = categoryCount(attribute, counts.size);
  return { counts, info: { n: groups.size, counts: Object.fromEntries(counts), k, kSource: source } };
}
