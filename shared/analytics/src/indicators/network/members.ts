// network.members v1: N, the number of members in the snapshot's graph (isolates included).
// Source: standard (Wasserman & Faust 1994, ch. 4).
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator } from "../indicator.js";

export function memberCount(graph: CommunityGraph): number {
  return graph.order;
}

export const membersIndicator: Indicator = {
  id: "network.members",
  version: 1,
  title: "Members",
  compute: (snapshot) => ({ value: memberCount(snapshot.graph) }),
};
