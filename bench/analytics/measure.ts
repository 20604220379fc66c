// One row of the suite's table: what was measured, its target, the figure and whether it met the
// target. A measure that throws or times out becomes a row saying so; the suite goes on.

export interface MeasureOutcome {
  /** The figure as the table shows it. */
  readonly figure: string;
  /** undefined: no target to check (a figure reported for the record). */
  readonly met: boolean | undefined;
  /** Raw runs and context, for results.json. */
  readonly raw: unknown;
}

export interface MeasureRow extends Partial<MeasureOutcome> {
  readonly id: string;
  readonly title: string;
  readonly target: string;
  readonly status: "measured" | "failed" | "skipped";
  readonly error?: string;
  readonly seconds: number;
  /** When and on which commit (set by the suite when it keeps the row). */
  readonly measuredAt?: string;
  readonly commit?: string;
}

export interface MeasureSpec {
  readonly id: string;
  readonly title: string;
  readonly target: string;
}

export async function runMeasure(
  spec: MeasureSpec,
  fn: () => Promise<MeasureOutcome>,
  log: (line: string) => void,
): Promise<MeasureRow> {
  log(`\n== ${spec.title} (target ${spec.target})`);
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  try {
    const outcome = await fn();
    const row: MeasureRow = { ...spec, ...outcome, status: "measured", seconds: seconds() };
    log(`   ${row.figure}: ${metWords(row)}`);
    return row;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    log(`   failed: ${message}`);
    return { ...spec, status: "failed", error: message.slice(0, 2000), seconds: seconds() };
  }
}

export const skipped = (spec: MeasureSpec, why: string): MeasureRow => ({
  ...spec,
  status: "skipped",
  error: why,
  seconds: 0,
});

export function metWords(row: MeasureRow): string {
  if (row.status === "failed") return `failed (${row.error?.split("\n")[0]?.slice(0, 160)})`;
  if (row.status === "skipped") return `not run (${row.error})`;
  return row.met === undefined ? "for the record" : row.met ? "met" : "not met";
}

/** "1,234.5" style: thousands separated, `digits` decimals. */
export const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
