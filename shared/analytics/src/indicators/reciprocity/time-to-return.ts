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
  unit: "days",
  options: ["returnWithinMs"],
  formula:
    "median of `t' − t` in days over the arcs `reciprocity.returned_within` counts as returned, t' the first return; an even count takes the mean of the two middle delays.",
  source: "copgraph's own definition.",
  returns:
    "`value` in (0, 30] days, null when nothing was returned; `byMember`: the median over the returned arcs a member gave; `details`: `returnWithinMs`, `returnedArcs`.",
  reading: '"6.5: when help is returned within the month, it typically comes back within a week."',
  compute: computeTimeToReturn,
};
