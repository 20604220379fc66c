// reciprocity.returned_within, version 1 (copgraph's definition of reciprocity over time).
//   value = |{observed arcs A→B at t with an interaction arc B→A in (t, t+Δ]}| / |observed arcs|
// Arcs: one per directed interaction and recipient (mutual kinds left out); "observed" means
// t + Δ ≤ query.at, so every counted arc had its full Δ to be returned (right-censoring rule).
// A return at the same instant t does not count. Δ = options.returnWithinMs (default 30 days).
// byMember: the same share over the arcs each member sent (null for a member who sent none).
// Null when there is no observed arc (an empty window, or one shorter than Δ).
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { returnWithinMs } from "./options.js";
import { interactionReturns } from "./returns.js";

export function computeReturnedWithin(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const withinMs = returnWithinMs(options);
  const { arcs, censored } = interactionReturns(snapshot, withinMs);
  const sent = new Map<string, [returned: number, total: number]>();
  let returned = 0;
  for (const arc of arcs) {
    const counts = sent.get(arc.from) ?? [0, 0];
    if (arc.delay !== null) {
      returned++;
      counts[0]++;
    }
    counts[1]++;
    sent.set(arc.from, counts);
  }
  const byMember: Record<string, Value> = {};
  for (const [member, [r, n]] of sent) byMember[member] = r / n;
  return {
    value: arcs.length === 0 ? null : returned / arcs.length,
    byMember,
    details: { returnWithinMs: withinMs, observedArcs: arcs.length, returnedArcs: returned, censoredArcs: censored },
  };
}

export const returnedWithinIndicator: Indicator = {
  id: "reciprocity.returned_within",
  version: 1,
  title: "Interactions returned within Δ",
  compute: computeReturnedWithin,
};
