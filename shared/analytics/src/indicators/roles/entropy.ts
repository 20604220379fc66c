// ln 9, the size of the fixed role catalogue, so that values compare across communities.
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
  title: "Role entropy",
  unit: "index",
  options: ["minParticipations"],
  formula:
    "`H_i = −Σ_r p_i(r) ln p_i(r) / ln 9`, p_i(r) the share of i's participations in role r, 9 the size of the role catalogue; only members with ≥ 3 participations.",
  source: "copgraph's own definition (Shannon entropy, normalised by the catalogue).",
  returns:
    "`byMember` (the graph's members and anyone named in the window's facts): H_i in [0, 1], null below 3 participations; `value`: mean over members with a value, null if none; `details`: `minParticipations`, `eligible`.",
  reading:
    '"0.3: regular members mostly keep one or two roles (two roles half and half give 0.32); 1 would be every role of the catalogue equally often."',
  compute: (snapshot, options) => perEligibleMember(snapshot, options, roleEntropy),
};
