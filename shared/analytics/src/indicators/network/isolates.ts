// network.isolates v1: number of members with no tie in or out (self-loops ignored).
// Details: the isolates' ids. Source: standard (Wasserman & Faust 1994; networkx `isolates`).
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
  compute: (snapshot) => {
    const members = isolates(snapshot.graph);
    return { value: members.length, details: { members } };
  },
};
