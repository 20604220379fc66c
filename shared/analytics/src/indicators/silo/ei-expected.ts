import { groupSizesOf } from "../../compact/group-arcs.js";
import { groupCodesOf } from "../../compact/group-codes.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { withinPairShareOfSizes } from "./ei-counts.js";

export function expectedEiResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const piIn = withinPairShareOfSizes(groupSizesOf(groupCodesOf(graph, attribute)));
  return { value: piIn === null ? null : 1 - 2 * piIn, details: { piIn } };
}

export const eiExpectedIndicator: Indicator = {
  id: "silo.ei_expected",
  version: 1,
  title: "E-I expected under random mixing",
  unit: "index",
  options: ["attribute"],
  formula: "`1 − 2 π_in`.",
  source: "Krackhardt & Stern (1988); UCINET reports it.",
  baseline: "this is the baseline of `silo.ei`.",
  returns: "`value`; null when fewer than two members have a value. `details.piIn`.",
  reading:
    '"0.1: if people chose contacts whatever their sector, 55% of ties would cross sectors." It is low when one sector dominates, about 0.75 with eight sectors of equal size.',
  compute: (snapshot, options) => expectedEiResult(snapshot.graph, options.attribute),
};
