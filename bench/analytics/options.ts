// The suite's knobs. BENCH_QUICK=1 shrinks every size so the whole suite runs in a few minutes
// (for developing it; its figures mean nothing against the targets).
import { benchOptions, envNumber } from "../support/options.js";

export type Entry = "built" | "source";

export interface SuiteOptions {
  readonly quick: boolean;
  /** Measured runs of the median-of-N measures (after one warm-up). */
  readonly runs: number;
  /** How `copgraph serve` and the replay child run: the built JavaScript (default) or the sources through tsx. */
  readonly entry: Entry;
  /** Run `tsc -b` before a built run (BENCH_BUILD=0 skips it). */
  readonly build: boolean;
  /** Longest wait for one HTTP answer, ms. */
  readonly requestTimeoutMs: number;
  /** A measure stops taking more runs once it has spent this long, ms. */
  readonly measureBudgetMs: number;
  /** The one-community log: `copgraph simulate --communities 1 --events <n> --seed 3`. */
  readonly millionEvents: number;
  /** The exact-report community (bench/web's generator). */
  readonly reportSize: { readonly members: number; readonly ties: number };
  /** The /graph community. */
  readonly graphSize: { readonly members: number; readonly ties: number };
  /** /v1/compare: `--communities <n> --events <n × eventsEach>`. */
  readonly compare: { readonly communities: number; readonly eventsTotal: number };
  readonly pastDates: number;
  readonly sliderWeeks: number;
  readonly healthSeconds: number;
  readonly concurrentReports: number;
  /** BENCH_ONLY=replay,report,...: run only these measures (default all). */
  readonly only: ReadonlySet<string> | undefined;
}

export function suiteOptions(env: NodeJS.ProcessEnv = process.env): SuiteOptions {
  const quick = env.BENCH_QUICK === "1";
  const runs = env.BENCH_RUNS === undefined && quick ? 1 : benchOptions(env).runs;
  const entry = (env.BENCH_ENTRY ?? (quick ? "source" : "built")) as Entry;
  if (entry !== "built" && entry !== "source") throw new Error(`BENCH_ENTRY must be built or source, not '${entry}'`);
  const only = env.BENCH_ONLY?.split(",").map((name) => name.trim());
  return {
    quick,
    runs,
    entry,
    build: entry === "built" && env.BENCH_BUILD !== "0",
    requestTimeoutMs: envNumber("BENCH_REQUEST_TIMEOUT_S", quick ? 60 : 900, 1, 7200) * 1000,
    measureBudgetMs: envNumber("BENCH_MEASURE_MAX_S", quick ? 120 : 1800, 1, 36_000) * 1000,
    millionEvents: envNumber("BENCH_MILLION_EVENTS", quick ? 20_000 : 1_000_000, 1000, 10_000_000),
    reportSize: quick ? { members: 300, ties: 2_000 } : { members: 2_000, ties: 50_000 },
    graphSize: quick ? { members: 1_000, ties: 5_000 } : { members: 10_000, ties: 50_000 },
    compare: quick ? { communities: 20, eventsTotal: 10_000 } : { communities: 200, eventsTotal: 1_000_000 },
    pastDates: quick ? 5 : 20,
    sliderWeeks: quick ? 8 : 40,
    healthSeconds: quick ? 3 : 20,
    concurrentReports: 4,
    only: only ? new Set(only) : undefined,
  };
}
