// A return at the same instant t does not count.
import { interactionReturnsOf } from "../../compact/interaction-returns.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { returnWithinMs } from "./options.js";

export function computeReturnedWithin(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const withinMs = returnWithinMs(options);
  const { ids, from, delay, censored } = interactionReturnsOf(snapshot, withinMs);
  const returnedBy = new Int32Array(ids.length);
  const sentBy = new Int32Array(ids.length);
  const senders: number[] = [];
  let returned = 0;
  for (let k = 0; k < from.length; k++) {
    const sender = from[k]!;
    if (sentBy[sender] === 0) senders.push(sender);
    sentBy[sender]!++;
    if (!Number.isNaN(delay[k])) {
      returned++;
      returnedBy[sender]!++;
    }
  }
  const byMember: Record<string, Value> = {};
  for (const sender of senders) byMember[ids[sender]!] = returnedBy[sender]! / sentBy[sender]!;
  return {
    value: from.length === 0 ? null : returned / from.length,
    byMember,
    details: { returnWithinMs: withinMs, observedArcs: from.length, returnedArcs: returned, censoredArcs: censored },
  };
}

export const returnedWithinIndicator: Indicator = {
  id: "reciprocity.returned_within",
  version: 1,
  title: "Interactions returned within Δ",
  unit: "share",
  options: ["returnWithinMs"],
  formula:
    "arcs: one per directed interaction (not `collaboration`) and recipient, at time t. Observed arcs: `t + Δ ≤ at` (right-censoring: recent ones are left out). `value = observed arcs A→B with an interaction B→A in (t, t + Δ] / observed arcs`; Δ = 30 days.",
  source: 'copgraph\'s own definition (metrics.md "over time").',
  returns:
    "`value` in [0, 1], null without observed arcs (empty window, or shorter than Δ); `byMember`: the share over the arcs a member gave (only members who gave); `details`: `returnWithinMs`, `observedArcs`, `returnedArcs`, `censoredArcs`.",
  reading: '"0.25: a quarter of the help given was returned by its recipient within a month."',
  note: "reads the interactions of every directed kind whatever `layers`; gatherings do not count.",
  compute: computeReturnedWithin,
};
