import type { CommunityHistory } from "./community-history.js";
import type { GraphQuery } from "./query.js";
import type { GatheringRecord, InteractionRecord } from "./records.js";
import type { Dated } from "./sorted-facts.js";

/** The records that count for a query, in (occurredAt, revision) order. */
export interface WindowFacts {
  readonly interactions: readonly InteractionRecord[];
  readonly gatherings: readonly GatheringRecord[];
}

/**
 * Records in the window [from, at] (valid time), recorded by knownAt and not retracted as known
 * at knownAt. Binary search on valid time: records after `at` or before `from` are never read.
 */
export function windowFacts(history: CommunityHistory, query: GraphQuery): WindowFacts {
  const from = query.from ?? Number.NEGATIVE_INFINITY;
  const counts = (record: Dated & { readonly id: string }) => {
    const retractedAt = history.retractedAt(record.id);
    return record.recordedAt <= query.knownAt && (retractedAt === undefined || retractedAt > query.knownAt);
  };
  return {
    interactions: history.interactions.between(from, query.at).filter(counts),
    gatherings: history.gatherings.between(from, query.at).filter(counts),
  };
}

/** Those of `members` named in one of the records (as giver, receiver or participant). */
export function namedIn(facts: WindowFacts, members: ReadonlySet<string>): Set<string> {
  const named = new Set<string>();
  if (members.size === 0) return named;
  const note = (memberId: string) => {
    if (members.has(memberId)) named.add(memberId);
  };
  for (const interaction of facts.interactions) {
    note(interaction.from);
    for (const to of interaction.to) note(to);
  }
  for (const gathering of facts.gatherings) {
    for (const { memberId } of gathering.participants) note(memberId);
  }
  return named;
}
