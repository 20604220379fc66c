import type { Position } from "../port.js";

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** maxCount as the adapters take it: undefined means no limit; negative counts are a caller bug. */
export function toLimit(maxCount: number | bigint | undefined): number {
  if (maxCount === undefined) return Number.MAX_SAFE_INTEGER;
  const count = typeof maxCount === "bigint" ? maxCount : BigInt(Math.floor(maxCount));
  if (count < 0n) throw new RangeError(`event-store: maxCount must be >= 0, got ${String(maxCount)}`);
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
}
