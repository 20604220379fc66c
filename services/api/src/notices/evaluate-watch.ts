import {
  gatheringTimes,
  historyStart,
  quietSpellStarts,
  type ReadingPoint,
  readingConditionStarts,
  watchSteps,
} from "@copgraph/analytics";
import type { CommunityReader } from "@copgraph/community";
import type { Notice } from "@copgraph/contract";
import type { Watch } from "@copgraph/domain";

/** The web app's community view at a date: where a notice sends the facilitator. */
export const sliderLink = (communityId: string, at: string) => `#/c/${communityId}?at=${at}`;

/**
 * Every date, over the community's whole history as known now, at which the watch's condition
 * started to hold: readings at each weekly step (each one a query of its own, cached like any
 * other), quiet spells from the gatherings. Watches set later still date what happened before.
 */
export async function noticesOfWatch(
  reader: CommunityReader,
  communityId: string,
  watch: Watch,
  now: Date,
): Promise<Notice[]> {
  const { history } = await reader.view(communityId, {});
  const end = now.getTime();
  const start = historyStart(history, end);
  if (start === undefined) return [];
  const { condition } = watch;
  let starts: { at: number; value: number; baseline: number }[];
  if (condition.kind === "no-gathering") {
    starts = quietSpellStarts(gatheringTimes(history), start, end, condition.days);
  } else {
    const points: ReadingPoint[] = [];
    for (const at of watchSteps(start, end)) {
      const view = await reader.view(communityId, {
        at: new Date(at).toISOString(),
        ...(condition.window ? { window: condition.window } : {}),
      });
      const reading = (await reader.indicatorsInWorker(view, [condition.indicator]))[condition.indicator];
      points.push({ at, value: reading?.value ?? null, baseline: reading?.baseline ?? null });
    }
    starts = readingConditionStarts(condition, points);
  }
  return starts.map(({ at, value, baseline }) => {
    const date = new Date(at).toISOString();
    return {
      id: `${watch.watchId}.${date}`,
      watchId: watch.watchId,
      communityId,
      condition,
      indicator: condition.kind === "no-gathering" ? null : condition.indicator,
      at: date,
      value,
      baseline,
      link: sliderLink(communityId, date),
    };
  });
}
