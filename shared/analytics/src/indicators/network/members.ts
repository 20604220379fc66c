import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator } from "../indicator.js";

export function memberCount(graph: CommunityGraph): number {
  return graph.order;
}

export const membersIndicator: Indicator = {
  id: "network.members",
  version: 1,
  title: "Members",
  unit: "count",
  options: [],
  formula:
    "`N` = members in the graph: joined by `at` and not left by then, plus those who left but appear in a record of the window (isolates included).",
  source: "standard (Wasserman & Faust 1994, ch. 4); networkx `number_of_nodes`.",
  returns: "`value`: N (0 for an empty community).",
  reading: '"42 members as of 1 March, including those who have not tied with anyone yet."',
  compute: (snapshot) => ({ value: memberCount(snapshot.graph) }),
};
