import type Database from "better-sqlite3";
import { openSideDatabase } from "../storage/side-database.js";

/** Beside the log in the data folder: webhooks with their secrets, notices already seen, the delivery queue. */
export const NOTICES_FILE = "notices.sqlite";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS webhooks (
  watch_id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS seen_notices (
  notice_id TEXT PRIMARY KEY,
  watch_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS baselined_watches (watch_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS deliveries (
  delivery_id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  watch_id TEXT NOT NULL,
  notice_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_status INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (watch_id, notice_id)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS delivery_tries (
  delivery_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at TEXT NOT NULL,
  status INTEGER,
  error TEXT,
  PRIMARY KEY (delivery_id, attempt)
);
`;

export interface Webhook {
  readonly watchId: string;
  readonly communityId: string;
  readonly url: string;
  readonly secret: string;
}

export interface QueuedDelivery {
  readonly deliveryId: string;
  readonly communityId: string;
  readonly watchId: string;
  readonly noticeId: string;
  readonly payload: string;
  readonly status: "pending" | "delivered" | "failed";
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
}

export interface DeliveryTryRow {
  readonly at: string;
  readonly status: number | null;
  readonly error: string | null;
}

interface DeliveryRow {
  delivery_id: string;
  community_id: string;
  watch_id: string;
  notice_id: string;
  payload: string;
  status: QueuedDelivery["status"];
  attempts: number;
  next_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
}

const toDelivery = (row: DeliveryRow): QueuedDelivery => ({
  deliveryId: row.delivery_id,
  communityId: row.community_id,
  watchId: row.watch_id,
  noticeId: row.notice_id,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status,
  lastError: row.last_error,
  createdAt: row.created_at,
});

/**
 * What notices keep apart from the log: it changes (a queue), and a webhook's URL and secret
 * are not facts of the community (a URL often holds a token). One SQLite file, 0600 like the
 * other secrets; in memory when the app has no data folder (tests).
 */
export class NoticeStore {
  readonly #db: Database.Database;

  constructor(file = ":memory:") {
    this.#db = openSideDatabase(file, SCHEMA);
  }

  setWebhook(webhook: Webhook, createdAt: string): void {
    this.#db
      .prepare(
        "INSERT OR REPLACE INTO webhooks (watch_id, community_id, url, secret, created_at) VALUES (?, ?, ?, ?, ?)",
      )
      .run(webhook.watchId, webhook.communityId, webhook.url, webhook.secret, createdAt);
  }

  webhookOf(watchId: string): Webhook | undefined {
    const row = this.#db
      .prepare("SELECT watch_id, community_id, url, secret FROM webhooks WHERE watch_id = ?")
      .get(watchId) as { watch_id: string; community_id: string; url: string; secret: string } | undefined;
    return row && { watchId: row.watch_id, communityId: row.community_id, url: row.url, secret: row.secret };
  }

  /** A removed watch's webhook goes, and its deliveries still pending give up. */
  removeWebhook(watchId: string): void {
    this.#db.transaction(() => {
      this.#db.prepare("DELETE FROM webhooks WHERE watch_id = ?").run(watchId);
      this.#db
        .prepare(
          "UPDATE deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'the watch was removed' WHERE watch_id = ? AND status = 'pending'",
        )
        .run(watchId);
    })();
  }

  /** Whether the watch's notices so far were taken in as already known (done once, when it was first evaluated). */
  isBaselined(watchId: string): boolean {
    return this.#db.prepare("SELECT 1 FROM baselined_watches WHERE watch_id = ?").get(watchId) !== undefined;
  }

  /**
   * Marks these notices seen and returns those that were not; with `baseline`, also marks the
   * watch as evaluated once. One transaction: a crash never half-records a batch.
   */
  takeNew(watchId: string, noticeIds: readonly string[], baseline: boolean): string[] {
    const insert = this.#db.prepare("INSERT OR IGNORE INTO seen_notices (notice_id, watch_id) VALUES (?, ?)");
    return this.#db.transaction(() => {
      const fresh = noticeIds.filter((id) => insert.run(id, watchId).changes > 0);
      if (baseline) this.#db.prepare("INSERT OR IGNORE INTO baselined_watches (watch_id) VALUES (?)").run(watchId);
      return fresh;
    })();
  }

  /** Queues a delivery once per (watch, notice). */
  enqueue(
    delivery: Pick<QueuedDelivery, "deliveryId" | "communityId" | "watchId" | "noticeId" | "payload">,
    now: number,
  ): void {
    this.#db
      .prepare(
        `INSERT OR IGNORE INTO deliveries (delivery_id, community_id, watch_id, notice_id, payload, status, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(
        delivery.deliveryId,
        delivery.communityId,
        delivery.watchId,
        delivery.noticeId,
        delivery.payload,
        now,
        new Date(now).toISOString(),
      );
  }

  /** Pending deliveries due by `now`, oldest first. */
  due(now: number, limit: number): QueuedDelivery[] {
    const rows = this.#db
      .prepare(
        "SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?",
      )
      .all(now, limit) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  /** When the next pending delivery is due; undefined when none is pending. */
  nextDue(): number | undefined {
    const row = this.#db
      .prepare("SELECT MIN(next_attempt_at) AS next FROM deliveries WHERE status = 'pending'")
      .get() as { next: number | null };
    return row.next ?? undefined;
  }

  /** Records one try and what follows: delivered, another try at `retryAt`, or given up (`retryAt` undefined). */
  recordTry(
    deliveryId: string,
    attempt: number,
    at: number,
    outcome: { status: number | null; error: string | null; delivered: boolean; retryAt: number | undefined },
  ): void {
    const next = outcome.delivered ? "delivered" : outcome.retryAt === undefined ? "failed" : "pending";
    this.#db.transaction(() => {
      this.#db
        .prepare(
          "INSERT OR REPLACE INTO delivery_tries (delivery_id, attempt, at, status, error) VALUES (?, ?, ?, ?, ?)",
        )
        .run(deliveryId, attempt, new Date(at).toISOString(), outcome.status, outcome.error);
      this.#db
        .prepare(
          "UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ? WHERE delivery_id = ? AND status = 'pending'",
        )
        .run(next, attempt, outcome.retryAt ?? null, outcome.status, outcome.error, deliveryId);
    })();
  }

  /** A watch's deliveries, newest first, each with its tries. */
  deliveriesOf(watchId: string, limit = 100): (QueuedDelivery & { tries: DeliveryTryRow[] })[] {
    const rows = this.#db
      .prepare("SELECT * FROM deliveries WHERE watch_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?")
      .all(watchId, limit) as DeliveryRow[];
    const tries = this.#db.prepare(
      "SELECT at, status, error FROM delivery_tries WHERE delivery_id = ? ORDER BY attempt",
    );
    return rows.map((row) => ({ ...toDelivery(row), tries: tries.all(row.delivery_id) as DeliveryTryRow[] }));
  }

  close(): void {
    this.#db.close();
  }
}
