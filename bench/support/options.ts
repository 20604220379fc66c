/** Knobs shared by the benchmarks, from the environment so `run.ts` keeps a one-word command line. */
export interface BenchOptions {
  /** Measured runs per benchmark (after one warm-up run); the table shows their median. */
  readonly runs: number;
}

export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const runs = Number(env.BENCH_RUNS ?? 5);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50)
    throw new Error(`BENCH_RUNS must be 1..50, not '${env.BENCH_RUNS}'`);
  return { runs };
}

/** Reads a positive number from the environment, with bounds. */
export function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be ${min}..${max}, not '${raw}'`);
  return value;
}
