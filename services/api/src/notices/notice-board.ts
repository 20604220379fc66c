import { randomUUID } from "node:crypto";
import type { CommunityHistories, CommunityReader } from "@copgraph/community";
import type { Notice } from "@copgraph/contract";
import { noticesOfWatch } from "./evaluate-watch.js";
import type { NoticeStore } from "./notice-store.js";
import type { WatchLog } from "./watch-log.js";
import type { WebhookDeliverer } from "./webhook-deliverer.js";

/** Wait after a change to a community before its watches are evaluated again: an import is one evaluation. */
const SETTLE_MS = 250;
const RETRY_MS = 5_000;

type NoticeListener = (notice: Notice) => void;

/**
 * Every community's notices, evaluated again after the community's log or watches change. A
 * notice seen for the first time is new: it goes to the listeners (the SSE streams) and, when its
 * watch has a webhook, into the delivery queue. A watch's first evaluation takes in what its
 * history already shows without announcing it (those notices are listed, not pushed).
 */
export class NoticeBoard {
  readonly #latest = new Map<string, Notice[]>();
  readonly #dirty = new Set<string>();
  readonly #running = new Map<string, Promise<Notice[]>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #listeners = new Set<NoticeListener>();
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
  ) {}

  /** Follows the log and evaluates every community with watches once. */
  async start(): Promise<void> {
    this.#stopChanges = this.histories.onChange((communityId) => this.touch(communityId));
    for (const communityId of await this.watches.communities()) this.touch(communityId);
  }

  stop(): void {
    this.#stopped = true;
    this.#stopChanges?.();
    for (const timer of this.#timers.values()) clearTimeout(timer);
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
    const now = this.clock();
    const all: Notice[] = [];
    for (const watch of await this.watches.list(communityId)) {
      const notices = await noticesOfWatch(this.reader, communityId, watch, now);
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
    all.sort((a, b) => a.at.localeCompare(b.at) || a.watchId.localeCompare(b.watchId));
    this.#latest.set(communityId, all);
    return all;
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
