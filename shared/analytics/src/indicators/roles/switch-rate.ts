// roles.switch_rate, version 1 (copgraph's own definition).
// Each member's gathering participations in the window, in time order (same-instant ones ordered
// by class giver, peer, receiver, then role, then gathering id: see facts.ts), give transitions
// between consecutive participations; a transition is a switch when the role class changes.
//   value = Σ_i switches_i / Σ_i transitions_i   (pooled over members); null without transitions.
// byMember: switches_i / transitions_i for members with at least max(2, n_min) participations
// (options.minParticipations, default 3); null otherwise.
// details.counts[a][b]: pooled transitions from class a to class b (rows and columns in the order
// giver, peer, receiver); details.probabilities: each row divided by its total (null for an
// empty row): the class transition matrix.
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
  title: "Role switch rate between consecutive participations",
  compute: computeSwitchRate,
};
