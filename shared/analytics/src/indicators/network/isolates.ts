import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator } from "../indicator.js";
import { neighboursOf } from "../support/graph.js";

export function isolates(graph: CommunityGraph): string[] {
  return graph.filterNodes((node) => neighboursOf(graph, node).size === 0);
}

export const isolatesIndicator: Indicator = {
  id: "network.isolates",
  version: 1,
  title: "Isolates",
  unit: "count",
  options: [],
  formula: "members with no tie in or out.",
  source: "standard; networkx `isolates`.",
  returns: "`value`: the count (a true 0 when none); `details.members`: their ids.",
  reading:
    '"4 members have no tie in this window: they have not shared an interaction or (with all layers) a gathering with anyone. An invitation to include them, not a verdict."',
  compute: (snapshot) => {
    const members = isolates(snapshot.graph);
    return { value: members.length, details: { members } };
  },
};
