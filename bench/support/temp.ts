import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where benchmark files go: BENCH_TMPDIR, else the OS temp dir (on these machines the same disk as /work). */
export const benchTmpRoot = () => process.env.BENCH_TMPDIR ?? tmpdir();

/** Runs `fn` with a fresh directory that is removed afterwards (also when `fn` throws). */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(benchTmpRoot(), `copgraph-bench-${prefix}-`));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
