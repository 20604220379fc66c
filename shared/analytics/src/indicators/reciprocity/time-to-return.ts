import { interactionReturnsOf } from "../../compact/interaction-returns.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { DAY_MS, returnWithinMs } from "./options.js";
import { median } from "./returns.js";

export function computeTimeToReturn(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const withinMs = returnWithinMs(options);
  const { ids, from, delay } = interactionReturnsOf(snapshot, withinMs);
  const delays: number[] = [];
  const bySender = new Map<number, number[]>();
  for (let k = 0; k < from.length; k++) {
    if (Number.isNaN(delay[k])) continue;
    const days = delay[k]! / DAY_MS;
    delays.push(days);
    const list = bySender.get(from[k]!);
    if (list) list.push(days);
    else bySender.set(from[k]!, [days]);
  }
  const byMember: Record<string, Value> = {};
  for (const [sender, list] of bySender) byMember[ids[sender]!] = median(list);
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
