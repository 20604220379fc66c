import type { IndicatorValues } from "@copgraph/analytics";

/** Bytes per entry of a per-member or per-group record, as V8 keeps small objects (an estimate). */
const ENTRY_BYTES = 50;

/**
 * About how much memory computed values hold: what grows is their per-member and per-group
 * records, and the lists inside `details` (clusters, partitions), counted one level deep.
 */
export function valuesSize(values: IndicatorValues): number {
  let bytes = 0;
  for (const value of Object.values(values)) {
    bytes += 100 + entries(value.byMember) + entries(value.byGroup) + entries(value.details);
  }
  return bytes;
}

function entries(record: unknown): number {
  if (record === null || typeof record !== "object") return 0;
  let bytes = 0;
  for (const inner of Object.values(record)) {
    bytes += ENTRY_BYTES;
    if (inner !== null && typeof inner === "object") bytes += ENTRY_BYTES * Object.keys(inner).length;
  }
  return bytes;
}
