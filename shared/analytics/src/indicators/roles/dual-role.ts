// A directed interaction is a non-mutual kind with a recipient other than its source. Peer roles
// and mutual interactions (collaboration) are neither giving nor receiving.
import { isMutualKind, roleClass } from "@copgraph/domain";
import { activeMembersOf } from "../../compact/active-members.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
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
  const active = activeMembersOf(snapshot);
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
  unit: "share",
  options: [],
  formula:
    "gave = held a giver role in a gathering or was the source of a directed interaction; received = held a receiver role or was a recipient of one. `value = |gave ∧ received| / |active|`, active = any interaction (any kind) or gathering participation in the window.",
  source: "copgraph's own definition.",
  returns:
    "`value` in [0, 1], null when nobody was active; `byMember`: 1 (both) or 0, for active members; `details`: `active`, `givers`, `receivers`, `dual`.",
  reading:
    '"0.35: a third of active members both gave (facilitated, presented, advised) and received (learned, were mentored)."',
  compute: (snapshot) => computeDualRoleShare(snapshot),
};
