// A member's own rate needs max(2, minParticipations) participations (one transition at least).
import { roleClasses } from "@copgraph/domain";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { listedMembers, participationsByMember } from "./facts.js";
import { minParticipations } from "./options.js";

export function computeSwitchRate(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const nMin = minParticipations(options);
  const index = new Map<string, number>(roleClasses.map((c, i) => [c, i]));
  const counts = roleClasses.map(() => roleClasses.map(() => 0));
  const byParticipant = participationsByMember(snapshot);
  const byMember: Record<string, Value> = {};
  let transitions = 0;
  let switches = 0;
  for (const member of listedMembers(snapshot)) {
    const list = byParticipant.get(member) ?? [];
    let own = 0;
    for (let k = 1; k < list.length; k++) {
      const from = list[k - 1]!.roleClass;
      const to = list[k]!.roleClass;
      counts[index.get(from)!]![index.get(to)!]!++;
      if (from !== to) own++;
    }
    transitions += Math.max(0, list.length - 1);
    switches += own;
    byMember[member] = list.length >= Math.max(2, nMin) ? own / (list.length - 1) : null;
  }
  const probabilities = counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((x) => (total === 0 ? null : x / total));
  });
  return {
    value: transitions === 0 ? null : switches / transitions,
    byMember,
    details: { classes: roleClasses, counts, probabilities, transitions, switches, minParticipations: nMin },
  };
}

export const switchRateIndicator: Indicator = {
  id: "roles.switch_rate",
  version: 1,
  title: "Role switch rate",
  unit: "share",
  options: ["minParticipations"],
  formula:
    "transitions between a member's consecutive participations; a switch when the class (giver, peer, receiver) changes. `value = Σ_i switches_i / Σ_i transitions_i`, pooled.",
  source: "copgraph's own definition.",
  returns:
    "`value` in [0, 1], null without transitions (every member's transitions count, whatever their number of participations); `byMember` (as `roles.entropy`): own rate for members with ≥ 3 participations, else null; `details`: `classes`, `counts[a][b]` (pooled transitions), `probabilities` (row-normalised, null for an empty row), `transitions`, `switches`, `minParticipations`.",
  reading:
    '"0.2: at one participation in five, a member came in a different kind of role than the time before — a learner now hosting, a facilitator now learning."',
  compute: computeSwitchRate,
};
