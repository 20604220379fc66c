import type { EventStore } from "@copgraph/event-store";
import { type DemoCommunity, demoCommunities } from "@copgraph/simulator";
import { appendHistory } from "./append-history.js";
import type { CommunityWriter } from "./community-writer.js";

/**
 * On an empty log, records three contrasting demo communities (siloed, diverse with role
 * switching, growing as its silo dissolves) over the two years before `now`, each with its
 * transaction times, so a first start has something to show.
 * Never touches a log that has data. Returns the ids seeded. `seeded` is told each community once
 * its events are in (the API records its survey round there: surveys are not this package's).
 */
export async function seedDemo(
  store: EventStore,
  writer: CommunityWriter,
  now: Date,
  seeded?: (demo: DemoCommunity) => Promise<void>,
): Promise<string[]> {
  if ((await store.listStreams("community-")).length > 0) return [];
  const ids: string[] = [];
  for (const demo of demoCommunities(now.getTime())) {
    await appendHistory(
      writer,
      demo.communityId,
      // Kept transaction times: records entered late and corrections show under "as known at".
      demo.recorded.map(({ event, recordedAt }) => ({ event, recordedAt: new Date(recordedAt).toISOString() })),
      { recordedBy: "demo" },
    );
    ids.push(demo.communityId);
    await seeded?.(demo);
  }
  return ids;
}
