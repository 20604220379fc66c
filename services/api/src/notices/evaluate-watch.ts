import {
  type ConditionStart,
  gatheringTimes,
  historyStart,
  quietSpellStarts,
  type ReadingPoint,
  readingConditionStarts,
  reusableReadings,
  watchSteps,
} from "@copgraph/analytics";
import type { CommunityReader } from "@copgraph/community";
import type { Notice } from "@copgraph/contract";
import type { Watch } from "@copgraph/domain";

/** The web app's community view at a date: where a notice sends the facilitator. */
export const sliderLink = (communityId: string, at: string) => `#/c/${communityId}?at=${at}`;

/** A watch's readings of an earlier evaluation, and the earliest valid time touched since (see earliestTouched). */
export interface EarlierReadings {
  readonly readings: readonly ReadingPoint[];
  readonly touchedFrom: number;
}

export interface WatchEvaluation {
  readonly notices: Notice[];
  /** The reading at each weekly step (none for a quiet-spell watch): what the next evaluation may reuse. */
  readonly readings: readonly ReadingPoint[];
}

/**
 * Every date, over the community's whole history as known now, at which the watch's condition
 * started to hold: readings at each weekly step (each one a query of its own, cached like any
 * other), quiet spells from the gatherings. Watches set later still date what happened before.
 * Given the `earlier` readings, only the steps from the earliest touched date on are read again
 * (and those new since): the others cannot have changed.
 */
export async function evaluateWatch(
  reader: CommunityReader,
  communityId: string,
  watch: Watch,
  now: Date,
  earlier?: EarlierReadings,
): Promise<WatchEvaluation> {
  const { history } = await reader.view(communityId, {});
  const end = now.getTime();
  const start = historyStart(history, end);
  if (start === undefined) return { notices: [], readings: [] };
  const { condition } = watch;
  let starts: ConditionStart[];
  let readings: ReadingPoint[] = [];
  if (condition.kind === "no-gathering") {
    starts = quietSpellStarts(gatheringTimes(history), start, end, condition.days);
  } else {
    const steps = watchSteps(start, end);
    readings = earlier ? reusableReadings(earlier.readings, steps, earlier.touchedFrom) : [];
    for (const at of steps.slice(readings.length)) {
      const view = await reader.view(communityId, {
        at: new Date(at).toISOString(),
        ...(condition.window ? { window: condition.window } : {}),
      });
      const reading = (await reader.indicatorsInWorker(view, [condition.indicator]))[condition.indicator];
      readings.push({ at, value: reading?.value ?? null, baseline: reading?.baseline ?? null });
    }
    starts = readingConditionStarts(condition, readings);
  }
  const notices = starts.map(({ at, value, baseline }) => {
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
  return { notices, readings };
}
