import type { GraphQuery } from "./query.js";

/** Equal for queries that project the same snapshot (layer order and repeats do not matter). */
export function queryKey({ at, knownAt, from, halfLife, layers, minWeight }: GraphQuery): string {
  const layerKey = layers ? [...new Set(layers)].sort().join(",") : "*";
  return [at, knownAt, from ?? "-", halfLife ?? "-", layerKey, minWeight ?? 0].join("|");
}
