// Comparison of indicator values with reference values: absolute tolerance, and null (undefined)
// only where the reference is null. Plain node:assert, so it works under any runner.
import assert from "node:assert/strict";

export type Reference = number | null | undefined;

export function assertClose(actual: unknown, expected: Reference, tolerance: number, label = "value"): void {
  if (expected === null || expected === undefined) {
    assert.equal(actual, null, `${label}: expected null, got ${String(actual)}`);
    return;
  }
  assert.equal(typeof actual, "number", `${label}: expected a number near ${expected}, got ${String(actual)}`);
  const difference = Math.abs((actual as number) - expected);
  assert.ok(
    difference <= tolerance,
    `${label}: ${String(actual)} differs from ${expected} by ${difference} > ${tolerance}`,
  );
}

/** Same keys, each value within tolerance. */
export function assertCloseRecord(
  actual: Readonly<Record<string, unknown>> | undefined,
  expected: Readonly<Record<string, Reference>>,
  tolerance: number,
  label = "record",
): void {
  assert.ok(actual, `${label}: missing`);
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${label}: keys differ`);
  for (const [key, value] of Object.entries(expected)) assertClose(actual[key], value, tolerance, `${label}[${key}]`);
}

/** Half a unit in the last place of a value printed with `decimals` decimals. */
export function printedPrecision(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** Every number anywhere in a result is finite: undefined values must be null, never NaN. */
export function assertNoNaN(value: unknown, path = "result"): void {
  if (typeof value === "number") {
    assert.ok(Number.isFinite(value), `${path} is ${value}`);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) assertNoNaN(item, `${path}[${i}]`);
  } else if (value instanceof Map) {
    for (const [key, item] of value) assertNoNaN(item, `${path}.${String(key)}`);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) assertNoNaN(item, `${path}.${key}`);
  }
}
