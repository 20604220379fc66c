// The episodes of a window (definitions: indicators/roles/facts.ts) as typed arrays, built once per
// snapshot and shared by the roles indicators: gatherings (each member once, first entry) and
// directed interactions (the source gives, the other recipients receive), in time order, a
// gathering before an interaction at the same instant (as episodesOf's stable sort).
import { isMutualKind, type RoleClass, roleClass } from "@copgraph/domain";
import type { CommunitySnapshot } from "../projection/community-snapshot.js";
import { memoisedOn } from "./memo.js";

export const GIVER = 0;
export const PEER = 1;
export const RECEIVER = 2;
const classCode: Readonly<Record<RoleClass, number>> = { giver: GIVER, peer: PEER, receiver: RECEIVER };

export interface CompactEpisodes {
  /** The members named in the episodes, in order of first appearance in the facts. */
  readonly ids: readonly string[];
  /** Per episode, in time order: its instant, and its participants `[offsets[e], offsets[e + 1])`. */
  readonly at: Float64Array;
  readonly offsets: Int32Array;
  /** Per participant: the member (position in `ids`) and its class (GIVER, PEER, RECEIVER). */
  readonly members: Int32Array;
  readonly classes: Uint8Array;
}

interface Draft {
  readonly ids: string[];
  readonly index: Map<string, number>;
  readonly at: number[];
  readonly starts: number[];
  readonly members: number[];
  readonly classes: number[];
}

function add(draft: Draft, id: string, cls: number): void {
  let member = draft.index.get(id);
  if (member === undefined) {
    member = draft.ids.length;
    draft.index.set(id, member);
    draft.ids.push(id);
  }
  draft.members.push(member);
  draft.classes.push(cls);
}

export function compactEpisodesOf(snapshot: CommunitySnapshot): CompactEpisodes {
  return memoisedOn(snapshot, "episodes", () => buildEpisodes(snapshot));
}

function buildEpisodes(snapshot: CommunitySnapshot): CompactEpisodes {
  const draft: Draft = { ids: [], index: new Map(), at: [], starts: [], members: [], classes: [] };
  for (const gathering of snapshot.gatherings) {
    draft.at.push(gathering.occurredAt);
    draft.starts.push(draft.members.length);
    const seen = new Set<string>();
    for (const { memberId, role } of gathering.participants) {
      if (seen.has(memberId)) continue;
      seen.add(memberId);
      add(draft, memberId, classCode[roleClass(role)]);
    }
  }
  const gatherings = draft.at.length;
  for (const interaction of snapshot.interactions) {
    if (isMutualKind(interaction.kind)) continue;
    const start = draft.members.length;
    let receivers = 0;
    // Most interactions have one recipient: no set needed to drop repeats.
    for (const to of interaction.to.length === 1 ? interaction.to : new Set(interaction.to)) {
      if (to === interaction.from) continue;
      if (receivers++ === 0) add(draft, interaction.from, GIVER);
      add(draft, to, RECEIVER);
    }
    if (receivers === 0) continue;
    draft.at.push(interaction.occurredAt);
    draft.starts.push(start);
  }
  return inTimeOrder(draft, gatherings);
}

/** Reorders the drafted episodes (gatherings, then interactions) by time, stably. */
function inTimeOrder(draft: Draft, gatherings: number): CompactEpisodes {
  const count = draft.at.length;
  const order = timeOrder(draft.at, gatherings);
  const at = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  const members = new Int32Array(draft.members.length);
  const classes = new Uint8Array(draft.members.length);
  let next = 0;
  for (let e = 0; e < count; e++) {
    const drafted = order[e]!;
    at[e] = draft.at[drafted]!;
    offsets[e] = next;
    const end = drafted + 1 < count ? draft.starts[drafted + 1]! : draft.members.length;
    for (let p = draft.starts[drafted]!; p < end; p++) {
      members[next] = draft.members[p]!;
      classes[next] = draft.classes[p]!;
      next++;
    }
  }
  offsets[count] = next;
  return { ids: draft.ids, at, offsets, members, classes };
}

/** A stable time order of [gatherings…, interactions…]: a merge when both runs are sorted (as projected). */
function timeOrder(at: readonly number[], gatherings: number): Int32Array {
  const count = at.length;
  const sortedRun = (from: number, to: number) => {
    for (let k = from + 1; k < to; k++) if (at[k - 1]! > at[k]!) return false;
    return true;
  };
  if (!sortedRun(0, gatherings) || !sortedRun(gatherings, count)) {
    return Int32Array.from(Array.from({ length: count }, (_, k) => k).sort((x, y) => at[x]! - at[y]!));
  }
  const order = new Int32Array(count);
  let g = 0;
  let i = gatherings;
  for (let e = 0; e < count; e++) {
    order[e] = i >= count || (g < gatherings && at[g]! <= at[i]!) ? g++ : i++;
  }
  return order;
}
