/**
 * Runs of a property in the fuzz tests: a few by default, so `npm test` stays fast on two cores;
 * COPGRAPH_FUZZ_RUNS sets them for a deliberate, longer run (e.g. COPGRAPH_FUZZ_RUNS=2000).
 */
export function fuzzRuns(fast: number): number {
  const asked = Number(process.env.COPGRAPH_FUZZ_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : fast;
}
