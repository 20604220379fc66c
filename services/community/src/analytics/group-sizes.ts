import type { MemberAttributes } from "@copgraph/analytics";

/** Members of a snapshot, in total and per value of the grouping attribute: what agencies' suppression reads. */
export interface GroupSizes {
  /** Members in the snapshot. */
  readonly community: number;
  /** Members per value of the grouping attribute (members without one count in no group). */
  readonly byGroup: ReadonlyMap<string, number>;
}

/** The sizes of the groups `attribute` forms among members with these attributes. */
export function groupSizesOfMembers(members: Iterable<MemberAttributes>, attribute: string): GroupSizes {
  const byGroup = new Map<string, number>();
  let community = 0;
  for (const attributes of members) {
    community += 1;
    const group = attributes[attribute];
    if (group !== undefined) byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
  }
  return { community, byGroup };
}
