// Content comparison for idempotent retries. Two appends carry "the same" event when type, data and
// metadata are equal as JSON values; key order must not matter, so objects are serialised with sorted keys.

/** JSON text of `value` with object keys sorted at every depth. `value` must already be plain JSON. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
}

export interface EventContent {
  readonly type: string;
  /** Plain JSON values (parsed), not text. */
  readonly data: unknown;
  readonly metadata: unknown;
}

export function sameContent(a: EventContent, b: EventContent): boolean {
  return (
    a.type === b.type &&
    canonicalJson(a.data) === canonicalJson(b.data) &&
    canonicalJson(a.metadata) === canonicalJson(b.metadata)
  );
}
