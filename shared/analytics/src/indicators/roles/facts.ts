// Roles as copgraph reads them from the facts of a window (shared by the roles.* indicators).
//
// Participation: one per (gathering, distinct member); the first entry of a repeated member counts,
// as in the projection. Its class is roleClass(role): giver, peer or receiver.
// Order of a member's participations: by time; participations at the same instant are ordered by
// class (giver, peer, receiver), then role (catalogue order), then gathering id, so the order never
// depends on the order facts were recorded in.
//
// Episode: a gathering (its participants and their classes), or a directed interaction (a
// non-mutual kind) read as an episode whose source is the giver and whose recipients (other than
// the source) are receivers. Mutual interactions (collaboration) are peer episodes: no giving.
// Giver→receiver arcs of an episode: every (giver, receiver) pair of distinct members in it.
import {
  isMutualKind,
  type ParticipantRole,
  participantRoles,
  type RoleClass,
  roleClass,
  roleClasses,
} from "@copgraph/domain";
import { activeMembersOf } from "../../compact/active-members.js";
import { memoisedOn } from "../../compact/memo.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";

export interface Participation {
  readonly memberId: string;
  readonly at: number;
  readonly role: ParticipantRole;
  readonly roleClass: RoleClass;
  readonly gatheringId: string;
}

export interface Episode {
  readonly at: number;
  readonly members: readonly string[];
  readonly classes: readonly RoleClass[];
}

const classRank = new Map<RoleClass, number>(roleClasses.map((c, i) => [c, i]));
const roleRank = new Map<ParticipantRole, number>(participantRoles.map((r, i) => [r, i]));

export function compareParticipations(a: Participation, b: Participation): number {
  return (
    a.at - b.at ||
    classRank.get(a.roleClass)! - classRank.get(b.roleClass)! ||
    roleRank.get(a.role)! - roleRank.get(b.role)! ||
    (a.gatheringId < b.gatheringId ? -1 : a.gatheringId > b.gatheringId ? 1 : 0)
  );
}

/** Each member's participations in the window, in the order above (once per snapshot: read, never change). */
export function participationsByMember(snapshot: CommunitySnapshot): ReadonlyMap<string, readonly Participation[]> {
  return memoisedOn(snapshot, "participations", () => {
    const byMember = new Map<string, Participation[]>();
    for (const gathering of snapshot.gatherings) {
      const seen = new Set<string>();
      for (const { memberId, role } of gathering.participants) {
        if (seen.has(memberId)) continue;
        seen.add(memberId);
        const p = { memberId, at: gathering.occurredAt, role, roleClass: roleClass(role), gatheringId: gathering.id };
        const list = byMember.get(memberId);
        if (list) list.push(p);
        else byMember.set(memberId, [p]);
      }
    }
    for (const list of byMember.values()) list.sort(compareParticipations);
    return byMember;
  });
}

/** Gatherings and directed interactions of the window as episodes, in time order. */
export function episodesOf(snapshot: CommunitySnapshot): Episode[] {
  const episodes: Episode[] = [];
  for (const gathering of snapshot.gatherings) {
    const seen = new Set<string>();
    const members: string[] = [];
    const classes: RoleClass[] = [];
    for (const { memberId, role } of gathering.participants) {
      if (seen.has(memberId)) continue;
      seen.add(memberId);
      members.push(memberId);
      classes.push(roleClass(role));
    }
    episodes.push({ at: gathering.occurredAt, members, classes });
  }
  for (const interaction of snapshot.interactions) {
    if (isMutualKind(interaction.kind)) continue;
    const receivers = [...new Set(interaction.to)].filter((to) => to !== interaction.from);
    if (receivers.length === 0) continue;
    episodes.push({
      at: interaction.occurredAt,
      members: [interaction.from, ...receivers],
      classes: ["giver", ...receivers.map((): RoleClass => "receiver")],
    });
  }
  return episodes.sort((a, b) => a.at - b.at);
}

/** Calls `visit(giver, receiver)` for every giver→receiver arc of an episode under `classes`. */
export function forEachFlowArc(
  members: readonly string[],
  classes: readonly RoleClass[],
  visit: (giver: string, receiver: string) => void,
): void {
  for (let i = 0; i < members.length; i++) {
    if (classes[i] !== "giver") continue;
    for (let j = 0; j < members.length; j++) {
      if (classes[j] === "receiver" && members[j] !== members[i]) visit(members[i]!, members[j]!);
    }
  }
}

/** The members a per-member result lists: the graph's members and anyone in the window's facts. */
export function listedMembers(snapshot: CommunitySnapshot): readonly string[] {
  // Keyed by the graph's size too: tests change a snapshot's graph in place.
  return memoisedOn(snapshot, `listed\u0000${snapshot.graph.order}`, () => {
    const members = new Set<string>(snapshot.graph.nodes());
    for (const id of activeMembersOf(snapshot)) members.add(id);
    return [...members];
  });
}
