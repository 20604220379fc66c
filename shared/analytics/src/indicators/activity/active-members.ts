import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { memberEventTimes } from "./events.js";

export function computeActiveMembers(snapshot: CommunitySnapshot): IndicatorResult {
  const times = memberEventTimes(snapshot);
  const byMember: Record<string, Value> = {};
  let inGraph = 0;
  for (const [member, list] of times) {
    byMember[member] = list.length;
    if (snapshot.graph.hasNode(member)) inGraph++;
  }
  const order = snapshot.graph.order;
  return {
    value: times.size,
    byMember,
    details: {
      activeShare: order === 0 ? null : inGraph / order,
      interactions: snapshot.interactions.length,
      gatherings: snapshot.gatherings.length,
    },
  };
}

export const activeMembersIndicator: Indicator = {
  id: "activity.active_members",
  version: 1,
  title: "Active members",
  unit: "count",
  options: [],
  formula: "`|members with at least one activity event in [from, at]|`.",
  source: "standard.",
  returns:
    "`value`: the count (a true 0 for an empty window); `byMember`: each active member's number of events; `details`: `activeShare` (active graph members / graph members, null for an empty graph), `interactions`, `gatherings`.",
  reading:
    '"27 active in the last 90 days, two thirds of the members." The per-member counts are for the member panel, not for a "least active" list.',
  compute: (snapshot) => computeActiveMembers(snapshot),
};
