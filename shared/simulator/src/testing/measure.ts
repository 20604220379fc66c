// Test support: a simulation read back through the real projection and indicators.
import { CommunityHistory, computeIndicators, projectSnapshot } from "@copgraph/analytics";
import { interactionKinds } from "@copgraph/domain";
import type { Simulation } from "../simulate.js";
import { simulationToStored } from "../stored.js";

export interface MeasureOptions {
  /** Interaction layers only (the plant's homophily and reciprocity live there), or every layer. */
  readonly layers: "interactions" | "all";
  readonly ids: readonly string[];
  readonly permutations?: number;
}

/** Indicator values at `end`, everything known; each id's `value` and (when given) `baseline`. */
export function measure(
  simulation: Simulation,
  { layers, ids, permutations = 200 }: MeasureOptions,
): Record<string, { value: number | null; baseline: number | null }> {
  const { end } = simulation.truth.params;
  const history = CommunityHistory.fromEvents(simulationToStored(simulation.events));
  const snapshot = projectSnapshot(history, {
    at: end,
    knownAt: end,
    ...(layers === "interactions" && { layers: [...interactionKinds] }),
  });
  const values = computeIndicators(snapshot, { attribute: "sector", seed: 7, permutations }, ids);
  return Object.fromEntries(
    Object.entries(values).map(([id, result]) => [id, { value: result.value, baseline: result.baseline ?? null }]),
  );
}
