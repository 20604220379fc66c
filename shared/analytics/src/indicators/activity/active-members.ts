// activity.active_members, version 1.
//   value = |members with at least one interaction (source or recipient, any kind) or gathering
//   participation in the window [from, at]|.
// A count: an empty window gives 0 (nobody was active), a true zero, not an undefined value.
// byMember: each active member's number of activity events (facts they took part in).
// details.activeShare: active members in the graph / members in the graph (null for an empty
// graph); details.interactions, details.gatherings: the window's fact counts.
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
  compute: (snapshot) => computeActiveMembers(snapshot),
};
