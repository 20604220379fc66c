// Roughly how many events parameters make, as fixed + perRate × interactionsPerMemberPerMonth,
// so simulateMany can solve for the rate that gives a community its share of events.
import { type InteractionKind, isMutualKind } from "@copgraph/domain";
import type { ResolvedSimulationParams } from "./params.js";
import { hazardPerMs, MONTH_MS } from "./time.js";

export interface EventCountEstimate {
  /** Registration, joins, leaves, profile changes and gatherings (with their retractions). */
  readonly fixed: number;
  /** Interactions (returns and retractions included) per unit of interactionsPerMemberPerMonth. */
  readonly perRate: number;
}

export function expectedEventCount(p: ResolvedSimulationParams): EventCountEstimate {
  const span = p.end - p.start;
  const leave = hazardPerMs(p.churn);
  const joinRate = p.growth / MONTH_MS;
  // Members present over time: m(t) = N₀e^{−λt} + (g/λ)(1 − e^{−λt}); integrated over the span.
  const decay = leave > 0 ? (1 - Math.exp(-leave * span)) / leave : span;
  const memberTime =
    leave > 0
      ? p.initialMembers * decay + (joinRate / leave) * (span - decay)
      : p.initialMembers * span + (joinRate * span * span) / 2;
  const joined = p.initialMembers + joinRate * span;
  const present =
    leave > 0
      ? p.initialMembers * Math.exp(-leave * span) + (joinRate / leave) * (1 - Math.exp(-leave * span))
      : joined;
  const memberMonths = memberTime / MONTH_MS;
  const changes = hazardPerMs(p.profileChangeRate) * memberTime;
  const gatherings = (p.gatheringsPerMonth * span) / MONTH_MS;
  let total = 0;
  let directed = 0;
  for (const [kind, weight] of Object.entries(p.kindMix)) {
    total += weight ?? 0;
    if (!isMutualKind(kind as InteractionKind)) directed += weight ?? 0;
  }
  const withReturns = 1 + p.reciprocity * (directed / total);
  return {
    fixed: 1 + joined + (joined - present) + changes + gatherings * (1 + p.retractionRate),
    perRate: memberMonths * withReturns * (1 + p.retractionRate),
  };
}
