// Measures that are a percentile over dates (the slider's 40 weeks, the 20 past dates): one sample
// per date, asked one date after another, each date asked for the first time.
import { createHash } from "node:crypto";
import { percentile } from "../support/stats.js";
import type { CopgraphServer } from "./copgraph-serve.js";
import { fmt } from "./measure.js";
import { type Run, withCpu } from "./runs.js";
import { answerWords, type TimedAnswer, timedGet } from "./timed-get.js";

export interface DateSample {
  readonly at: string;
  /** From sending the date's first request to the last byte of its last answer. */
  readonly ms: number;
  readonly answers: readonly {
    readonly path: string;
    readonly status: number;
    readonly ms: number;
    readonly bytes: number;
  }[];
  readonly error?: string;
}

/** The requests of one date, sent together as the web app sends them; a failed one fails the sample. */
export async function sampleDate(
  server: CopgraphServer,
  at: string,
  paths: readonly string[],
  timeoutMs: number,
): Promise<DateSample> {
  const started = performance.now();
  const answers: TimedAnswer[] = await Promise.all(paths.map((path) => timedGet(server.url, path, timeoutMs)));
  const ms = performance.now() - started;
  const failed = answers.find((answer) => answer.status !== 200);
  return {
    at,
    ms,
    answers: answers.map((answer, i) => ({
      path: paths[i] as string,
      status: answer.status,
      ms: answer.ms,
      bytes: answer.bytes,
    })),
    ...(failed ? { error: answerWords(failed, "") } : {}),
  };
}

export interface DateSamples {
  readonly p95Ms: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly failed: number;
  readonly run: Run<DateSample[]>;
}

/**
 * Every date in turn. A failed date counts as the time it took (a timeout as the whole timeout), so
 * the percentile is never better than what a person waited.
 */
export async function sampleDates(
  server: CopgraphServer,
  dates: readonly string[],
  pathsAt: (at: string) => readonly string[],
  timeoutMs: number,
  log: (line: string) => void,
): Promise<DateSamples> {
  const run = await withCpu([server.pid], async () => {
    const samples: DateSample[] = [];
    for (const at of dates) {
      const sample = await sampleDate(server, at, pathsAt(at), timeoutMs);
      log(`   ${at}: ${fmt(sample.ms)} ms${sample.error ? ` (failed: ${sample.error})` : ""}`);
      samples.push(sample);
    }
    return samples;
  });
  const times = run.value.map((sample) => sample.ms);
  return {
    p95Ms: percentile(times, 95),
    medianMs: percentile(times, 50),
    maxMs: Math.max(...times),
    failed: run.value.filter((sample) => sample.error).length,
    run,
  };
}

/** The `index`-th of a seeded series of fractions in [0, 1): the same seed gives the same dates. */
export function seededFraction(seed: number, index: number): number {
  return createHash("sha256").update(`${seed}:${index}`).digest().readUInt32BE(0) / 2 ** 32;
}
