import type { CommunityGraph } from "../projection/community-snapshot.js";
import { memoisedOnGraph } from "./memo.js";

/** Members in the graph's node order and the position of each: the numbering of every compact form. */
export interface MemberIndex {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

export function memberIndexOf(graph: CommunityGraph): MemberIndex {
  return memoisedOnGraph(graph, "members", () => {
    const ids = graph.nodes();
    const index = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) index.set(ids[i]!, i);
    return { ids, index };
  });
}
