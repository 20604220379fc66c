// roles.entropy, version 1 (copgraph's own definition: no standard exists).
// Normalised role entropy of member i over the roles of their gathering participations:
//   H_i = −Σ_r p_i(r) ln p_i(r) / ln |R|,   p_i(r) = share of i's participations in role r,
// |R| = 9, the size of the fixed role catalogue (so values compare across communities): 0 = always
// the same role, 1 = every catalogue role equally often.
// Participations: one per (gathering, distinct member) in the window. Only members with at least
// n_min participations (options.minParticipations, default 3) get a value; others are null.
// byMember: H_i for the graph's members and anyone in the window's facts.
// value: the mean of H_i over members with a value; null when none.
import { participantRoles } from "@copgraph/domain";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { listedMembers, type Participation, participationsByMember } from "./facts.js";
import { minParticipations } from "./options.js";

/** Shared by roles.entropy and roles.richness: f(participations) for members with ≥ n_min of them. */
export function perEligibleMember(
  snapshot: CommunitySnapshot,
  options: IndicatorOptions,
  of: (participations: readonly Participation[]) => number,
): IndicatorResult {
  const nMin = minParticipations(options);
  const byParticipant = participationsByMember(snapshot);
  const byMember: Record<string, Value> = {};
  let sum = 0;
  let eligible = 0;
  for (const member of listedMembers(snapshot)) {
    const list = byParticipant.get(member) ?? [];
    if (list.length < nMin) {
      byMember[member] = null;
      continue;
    }
    const value = of(list);
    byMember[member] = value;
    sum += value;
    eligible++;
  }
  return { value: eligible === 0 ? null : sum / eligible, byMember, details: { minParticipations: nMin, eligible } };
}

export function roleEntropy(participations: readonly Participation[]): number {
  const counts = new Map<string, number>();
  for (const p of participations) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
  let h = 0;
  for (const count of counts.values()) {
    const share = count / participations.length;
    h -= share * Math.log(share);
  }
  // A single role gives −1·ln 1 = −0; report 0.
  return h === 0 ? 0 : h / Math.log(participantRoles.length);
}

export const roleEntropyIndicator: Indicator = {
  id: "roles.entropy",
  version: 1,
  title: "Role entropy (how varied each member's roles are)",
  compute: (snapshot, options) => perEligibleMember(snapshot, options, roleEntropy),
};
