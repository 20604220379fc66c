import type { CommunityHistory } from "./community-history.js";

/**
 * Valid time of the community's first fact (a join, interaction or gathering) that copgraph had
 * been told by `knownAt`; undefined when it had been told none. Nothing happened before it, so a
 * window reaching further back counts what a window starting there counts.
 */
export function historyStart(history: CommunityHistory, knownAt: number): number | undefined {
  let start: number | undefined;
  for (const facts of [history.joins, history.interactions, history.gatherings]) {
    // Facts are in valid-time order: the first one known by `knownAt` is the earliest.
    const first = facts.all().find((fact) => fact.recordedAt <= knownAt);
    if (first && (start === undefined || first.occurredAt < start)) start = first.occurredAt;
  }
  return start;
}
