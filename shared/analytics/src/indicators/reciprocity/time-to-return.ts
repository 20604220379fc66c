// reciprocity.time_to_return, version 1 (copgraph's definition).
//   value = median over returned arcs of (t' − t) in days, t' the first interaction arc B→A after an
//   arc A→B at t. "Returned arcs" are exactly those reciprocity.returned_within counts as returned:
//   directed interaction arcs, observed (t + Δ ≤ query.at), with a return in (t, t+Δ].
// Median of an even count: the mean of the two middle delays. Δ = options.returnWithinMs.
// byMember: the median delay of the returned arcs each member sent. Null when no arc was returned.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { DAY_MS, returnWithinMs } from "./options.js";
import { interactionReturns, median } from "./returns.js";

export function computeTimeToReturn(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const withinMs = returnWithinMs(options);
  const delays: number[] = [];
  const bySender = new Map<string, number[]>();
  for (const arc of interactionReturns(snapshot, withinMs).arcs) {
    if (arc.delay === null) continue;
    const days = arc.delay / DAY_MS;
    delays.push(days);
    const list = bySender.get(arc.from);
    if (list) list.push(days);
    else bySender.set(arc.from, [days]);
  }
  const byMember: Record<string, Value> = {};
  for (const [member, list] of bySender) byMember[member] = median(list);
  return { value: median(delays), byMember, details: { returnWithinMs: withinMs, returnedArcs: delays.length } };
}

export const timeToReturnIndicator: Indicator = {
  id: "reciprocity.time_to_return",
  version: 1,
  title: "Median time to return (days)",
  compute: computeTimeToReturn,
};
