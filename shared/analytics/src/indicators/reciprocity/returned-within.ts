// A return at the same instant t does not count.
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
