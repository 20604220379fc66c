// roles.richness, version 1 (copgraph's own definition).
// Role richness of member i: the number of distinct catalogue roles (facilitator, presenter, host,
// mentor, participant, co-creator, learner, mentee, observer) i held in the window's gatherings,
// 1 … 9. Same eligibility as roles.entropy: only members with at least n_min participations
// (options.minParticipations, default 3) get a value; others are null.
// byMember: richness; value: its mean over members with a value; null when none.
import type { Indicator } from "../indicator.js";
import { perEligibleMember } from "./entropy.js";
import type { Participation } from "./facts.js";

export function roleRichness(participations: readonly Participation[]): number {
  return new Set(participations.map((p) => p.role)).size;
}

export const roleRichnessIndicator: Indicator = {
  id: "roles.richness",
  version: 1,
  title: "Role richness (distinct roles per member)",
  compute: (snapshot, options) => perEligibleMember(snapshot, options, roleRichness),
};
