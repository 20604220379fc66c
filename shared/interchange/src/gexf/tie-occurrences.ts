// When each tie of a query's graph happened: the valid times of the interactions and gatherings
// behind it, by the projection's own rules (a mutual kind both ways; a gathering's `led` and
// `co-attendance` pairs), so a GEXF tie carries one spell per occurrence.
import { type CommunityHistory, type GraphQuery, tieLayers, windowFacts } from "@copgraph/analytics";
import { isMutualKind, roleClass, type TieLayer } from "@copgraph/domain";

/** Sorted, distinct valid times (ms) per `source\0target`. */
export function tieOccurrences(history: CommunityHistory, query: GraphQuery): Map<string, number[]> {
  const selected: ReadonlySet<TieLayer> = new Set(query.layers ?? tieLayers);
  const times = new Map<string, Set<number>>();
  const add = (source: string, target: string, time: number) => {
    if (source === target) return;
    const key = tieKey(source, target);
    let set = times.get(key);
    if (!set) {
      set = new Set();
      times.set(key, set);
    }
    set.add(time);
  };
  const facts = windowFacts(history, query);
  for (const interaction of facts.interactions) {
    if (!selected.has(interaction.kind)) continue;
    for (const to of interaction.to) {
      add(interaction.from, to, interaction.occurredAt);
      if (isMutualKind(interaction.kind)) add(to, interaction.from, interaction.occurredAt);
    }
  }
  for (const gathering of facts.gatherings) {
    const { participants, occurredAt } = gathering;
    for (const a of participants) {
      for (const b of participants) {
        if (selected.has("co-attendance")) add(a.memberId, b.memberId, occurredAt);
        if (selected.has("led") && roleClass(a.role) === "giver" && roleClass(b.role) === "receiver") {
          add(a.memberId, b.memberId, occurredAt);
        }
      }
    }
  }
  return new Map([...times].map(([key, set]) => [key, [...set].sort((x, y) => x - y)]));
}

export function tieKey(source: string, target: string): string {
  return `${source}\u0000${target}`;
}
