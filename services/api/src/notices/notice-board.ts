import { randomUUID } from "node:crypto";
import { earliestTouched } from "@copgraph/analytics";
import type { CommunityHistories, CommunityReader } from "@copgraph/community";
import type { Notice } from "@copgraph/contract";
import { evaluateWatch } from "./evaluate-watch.js";
import type { NoticeStore } from "./notice-store.js";
import { type RecordedSince, RecordedSinceEvaluation } from "./recorded-since.js";
import type { WatchLog } from "./watch-log.js";
import { WatchReadings } from "./watch-readings.js";
import type { WebhookDeliverer } from "./webhook-deliverer.js";

/** Wait after a change to a community before its watches are evaluated again: an import is one evaluation. */
const SETTLE_MS = 250;
const RETRY_MS = 5_000;

type NoticeListener = (notice: Notice) => void;

/**
 * Every community's notices, evaluated again after the community's log or watches change. A
 * notice seen for the first time is new: it goes to the listeners (the SSE streams) and, when its
 * watch has a webhook, into the delivery queue. A watch's first evaluation takes in what its
 * history already shows without announcing it (those notices are listed, not pushed). While it
 * follows the log, each watch's readings are kept and an evaluation reads again only the steps
 * from the earliest valid time that what was recorded since touches (ADR 0018).
 */
export class NoticeBoard {
  readonly #latest = new Map<string, Notice[]>();
  readonly #dirty = new Set<string>();
  readonly #running = new Map<string, Promise<Notice[]>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #listeners = new Set<NoticeListener>();
  readonly #recorded = new RecordedSinceEvaluation();
  #stopChanges: (() => void) | undefined;
  #stopped = false;

  constructor(
    private readonly watches: WatchLog,
    private readonly reader: CommunityReader,
    private readonly histories: CommunityHistories,
    private readonly store: NoticeStore,
    private readonly deliverer: WebhookDeliverer,
    private readonly clock: () => Date,
    private readonly publicLink: (link: string) => string,
    private readonly warn: (message: string) => void,
    /** Each watch's readings of its last evaluation (given by tests that look at them). */
    private readonly readings = new WatchReadings(),
  ) {}

  /** Follows the log and evaluates every community with watches once. */
  async start(): Promise<void> {
    this.#stopChanges = this.histories.onChange((communityId, _revision, stored) => {
      this.#recorded.note(communityId, stored);
      this.touch(communityId);
    });
    for (const communityId of await this.watches.communities()) this.touch(communityId);
  }

  stop(): void {
    this.#stopped = true;
    this.#stopChanges?.();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    // No longer told what is recorded: kept readings could not be trusted.
    this.readings.clear();
    this.#recorded.clear();
  }

  /** Kept readings are used only while every change is heard. */
  get #following(): boolean {
    return this.#stopChanges !== undefined && !this.#stopped;
  }

  /** New notices of one community, as they are found; returns a function that stops listening. */
  onNotice(communityId: string, listener: NoticeListener): () => void {
    const own: NoticeListener = (notice) => {
      if (notice.communityId === communityId) listener(notice);
    };
    this.#listeners.add(own);
    return () => this.#listeners.delete(own);
  }

  /** The community's notices, oldest first, evaluated on what the log holds now. */
  async notices(communityId: string): Promise<Notice[]> {
    if (this.#dirty.has(communityId) || !this.#latest.has(communityId)) return this.refresh(communityId);
    return this.#running.get(communityId) ?? this.#latest.get(communityId) ?? [];
  }

  /** Marks the community to be evaluated again shortly (its log grew). */
  touch(communityId: string): void {
    if (this.#stopped) return;
    this.#dirty.add(communityId);
    if (this.#timers.has(communityId)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(communityId);
      this.refresh(communityId).catch(() => {});
    }, SETTLE_MS);
    timer.unref();
    this.#timers.set(communityId, timer);
  }

  /** Evaluates the community's watches now (after whatever evaluation is under way). */
  refresh(communityId: string): Promise<Notice[]> {
    const before = this.#running.get(communityId) ?? Promise.resolve([]);
    const next = before
      .catch(() => [])
      .then(() => this.evaluate(communityId))
      .catch((error: Error) => {
        this.warn(`notices of '${communityId}' could not be evaluated (tried again shortly): ${error.message}`);
        this.retryLater(communityId);
        throw error;
      })
      .finally(() => {
        if (this.#running.get(communityId) === next) this.#running.delete(communityId);
      });
    this.#running.set(communityId, next);
    return next;
  }

  private retryLater(communityId: string): void {
    if (this.#stopped) return;
    setTimeout(() => this.touch(communityId), RETRY_MS).unref();
  }

  private async evaluate(communityId: string): Promise<Notice[]> {
    this.#dirty.delete(communityId);
    // Taken before the history is read: what is recorded later is read now or next time, or both.
    const recorded = this.#recorded.take(communityId);
    try {
      return await this.evaluateWatches(communityId, recorded);
    } catch (error) {
      // Some watches may have kept readings that do not take in what was just taken.
      this.readings.drop(communityId);
      throw error;
    }
  }

  private async evaluateWatches(communityId: string, recorded: RecordedSince): Promise<Notice[]> {
    const now = this.clock();
    const watches = await this.watches.list(communityId);
    this.readings.drop(communityId, watches);
    if (watches.length === 0) this.#recorded.forget(communityId);
    // Read before any step, so its knownAt is the earliest that any reading of this round is taken at.
    const since = this.#following && watches.length > 0 ? await this.touchedSince(communityId, recorded) : undefined;
    const all: Notice[] = [];
    for (const watch of watches) {
      const kept = since && this.readings.get(communityId, watch);
      const earlier = kept && since ? { readings: kept, touchedFrom: since.touchedFrom } : undefined;
      const { notices, readings } = await evaluateWatch(this.reader, communityId, watch, now, earlier);
      if (since && this.#following && readings.length > 0) this.readings.set(communityId, watch, readings);
      all.push(...notices);
      // What the first evaluation finds was already so when the watch was set: listed, not pushed.
      const baseline = !this.store.isBaselined(watch.watchId);
      const fresh = new Set(
        this.store.takeNew(
          watch.watchId,
          notices.map((notice) => notice.id),
          baseline,
        ),
      );
      if (baseline || fresh.size === 0) continue;
      for (const notice of notices.filter((each) => fresh.has(each.id))) this.announce(notice);
    }
    // An event recorded after that knownAt (a clock ahead, an import keeping its times) is in no
    // reading of this round yet: it counts again next time.
    if (since && recorded.events.some((stored) => stored.recordedAt > since.knownAt))
      this.#recorded.putBack(communityId, recorded);
    all.sort((a, b) => a.at.localeCompare(b.at) || a.watchId.localeCompare(b.watchId));
    this.#latest.set(communityId, all);
    return all;
  }

  /** The earliest valid time what was recorded touches, and the knownAt the readings are taken at now. */
  private async touchedSince(
    communityId: string,
    recorded: RecordedSince,
  ): Promise<{ touchedFrom: number; knownAt: number }> {
    const { history, graphQuery } = await this.reader.view(communityId, {});
    const touchedFrom = recorded.overflowed ? Number.NEGATIVE_INFINITY : earliestTouched(recorded.events, history);
    return { touchedFrom, knownAt: graphQuery.knownAt };
  }

  private announce(notice: Notice): void {
    for (const listener of this.#listeners) listener(notice);
    if (!this.store.webhookOf(notice.watchId)) return;
    const payload = {
      noticeId: notice.id,
      communityId: notice.communityId,
      reading: notice.indicator ?? "gatherings",
      condition: notice.condition,
      value: notice.value,
      baseline: notice.baseline,
      date: notice.at,
      link: this.publicLink(notice.link),
    };
    this.store.enqueue(
      {
        deliveryId: randomUUID(),
        communityId: notice.communityId,
        watchId: notice.watchId,
        noticeId: notice.id,
        payload: JSON.stringify(payload),
      },
      this.clock().getTime(),
    );
    this.deliverer.kick();
  }
}
