import type { CompactGraph } from "./compact-graph.js";

/** For tests: members m0 … m(n − 1) and the given arcs (repeats and self-loops left out). */
export function compactOf(n: number, arcs: readonly (readonly [number, number])[]): CompactGraph {
  const out = Array.from({ length: n }, () => new Set<number>());
  for (const [from, to] of arcs) if (from !== to) out[from]?.add(to);
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  out.forEach((set, i) => {
    targets.push(...set);
    offsets[i + 1] = targets.length;
  });
  return { ids: out.map((_, i) => `m${i}`), offsets, targets: Int32Array.from(targets) };
}
