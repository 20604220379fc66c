// roles.dual_role_share, version 1 (copgraph's own definition).
// A member gave in the window if they held a giver-class role (facilitator, presenter, host,
// mentor) in a gathering or were the source of a directed interaction (a non-mutual kind, with a
// recipient other than themselves); they received if they held a receiver-class role (learner,
// mentee, observer) or were a recipient of a directed interaction. Peer roles and mutual
// interactions (collaboration) are neither.
//   value = |members who both gave and received| / |active members|,
// active members being those with any interaction (source or recipient, any kind) or gathering
// participation in the window. Null when nobody was active.
// byMember: 1 for a member who did both, 0 for another active member.
import { isMutualKind, roleClass } from "@copgraph/domain";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import { activeMembers } from "../activity/events.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";

export function computeDualRoleShare(snapshot: CommunitySnapshot): IndicatorResult {
  const givers = new Set<string>();
  const receivers = new Set<string>();
  for (const gathering of snapshot.gatherings) {
    for (const { memberId, role } of gathering.participants) {
      const cls = roleClass(role);
      if (cls === "giver") givers.add(memberId);
      else if (cls === "receiver") receivers.add(memberId);
    }
  }
  for (const interaction of snapshot.interactions) {
    if (isMutualKind(interaction.kind)) continue;
    for (const to of interaction.to) {
      if (to === interaction.from) continue;
      givers.add(interaction.from);
      receivers.add(to);
    }
  }
  const active = activeMembers(snapshot);
  const byMember: Record<string, Value> = {};
  let dual = 0;
  for (const member of active) {
    const both = givers.has(member) && receivers.has(member);
    byMember[member] = both ? 1 : 0;
    if (both) dual++;
  }
  return {
    value: active.size === 0 ? null : dual / active.size,
    byMember,
    details: { active: active.size, givers: givers.size, receivers: receivers.size, dual },
  };
}

export const dualRoleShareIndicator: Indicator = {
  id: "roles.dual_role_share",
  version: 1,
  title: "Members who both gave and received",
  compute: (snapshot) => computeDualRoleShare(snapshot),
};
