// The window's active members (definition: indicators/activity/events.ts, activeMembers): anyone
// in an interaction (source or recipient) or a gathering, in order of first appearance,
// interactions before gatherings. Built once per snapshot without the per-member time lists
// activity needs, for the roles indicators that only ask who is active.
import type { CommunitySnapshot } from "../projection/community-snapshot.js";
import { memoisedOn } from "./memo.js";

export function activeMembersOf(snapshot: CommunitySnapshot): ReadonlySet<string> {
  return memoisedOn(snapshot, "active", () => {
    const active = new Set<string>();
    for (const interaction of snapshot.interactions) {
      active.add(interaction.from);
      for (const to of interaction.to) active.add(to);
    }
    for (const gathering of snapshot.gatherings) {
      for (const participant of gathering.participants) active.add(participant.memberId);
    }
    return active;
  });
}
