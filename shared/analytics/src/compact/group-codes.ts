// A member's group for an attribute as a small integer, so that hot loops compare numbers. The
// reading is support/graph.ts's groupOf: undefined, null and "" are no value (code −1).
import type { CommunityGraph } from "../projection/community-snapshot.js";
import { memberIndexOf } from "./member-index.js";
import { memoisedOnGraph } from "./memo.js";

export interface GroupCodes {
  /** Per member (member-index order): the group's code, −1 without a value. */
  readonly codes: Int32Array;
  /** Group labels by code, codes given in the order groups first appear among the members. */
  readonly labels: readonly string[];
}

export function groupCodesOf(graph: CommunityGraph, attribute: string): GroupCodes {
  return memoisedOnGraph(graph, `groups\u0000${attribute}`, () => {
    const { ids } = memberIndexOf(graph);
    return groupCodesOfValues(ids.length, (i) => graph.getNodeAttribute(ids[i]!, attribute));
  });
}

/** The group codes of `count` members, member i's value being `valueAt(i)`. */
export function groupCodesOfValues(count: number, valueAt: (member: number) => unknown): GroupCodes {
  const codes = new Int32Array(count).fill(-1);
  const labels: string[] = [];
  const codeOf = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const value = valueAt(i);
    if (value === undefined || value === null || value === "") continue;
    const label = String(value);
    let code = codeOf.get(label);
    if (code === undefined) {
      code = labels.length;
      codeOf.set(label, code);
      labels.push(label);
    }
    codes[i] = code;
  }
  return { codes, labels };
}
