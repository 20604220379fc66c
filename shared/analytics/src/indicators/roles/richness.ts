import type { Indicator } from "../indicator.js";
import { perEligibleMember } from "./entropy.js";
import type { Participation } from "./facts.js";

export function roleRichness(participations: readonly Participation[]): number {
  return new Set(participations.map((p) => p.role)).size;
}

export const roleRichnessIndicator: Indicator = {
  id: "roles.richness",
  version: 1,
  title: "Role richness",
  unit: "mean count",
  options: ["minParticipations"],
  formula:
    "number of distinct roles a member held in the window's gatherings, 1 … 9; same eligibility (≥ 3 participations).",
  source: "copgraph's own definition.",
  returns:
    "`byMember` (as `roles.entropy`), null below 3 participations; `value`: mean, null if none; `details`: `minParticipations`, `eligible`.",
  reading: '"1.8: a regular member held about two different roles in the window."',
  compute: (snapshot, options) => perEligibleMember(snapshot, options, roleRichness),
};
