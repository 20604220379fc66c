import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import type { NoticeStore, QueuedDelivery } from "./notice-store.js";
import { isPrivateAddress, publicOnlyLookup } from "./webhook-address.js";
import { signatureOf } from "./webhook-signature.js";

export interface WebhookSettings {
  /** Loopback and private addresses may be reached (COPGRAPH_WEBHOOK_PRIVATE_ADDRESSES; tests, closed networks). */
  readonly allowPrivateAddresses: boolean;
  /** Wait before the first retry; it doubles with each try, up to an hour (COPGRAPH_WEBHOOK_RETRY_MS). */
  readonly retryMs: number;
  /** Tries before a delivery is given up (COPGRAPH_WEBHOOK_MAX_TRIES). */
  readonly maxTries: number;
}

const TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 3_600_000;
const BATCH = 20;

/**
 * Sends queued deliveries, one at a time, and records every try in the store: a 2xx delivers,
 * anything else is tried again after a doubling wait until `maxTries`. Deliveries left pending by
 * a stopped server are taken up at the next start. Redirects are not followed.
 */
export class WebhookDeliverer {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(
    private readonly store: NoticeStore,
    private readonly settings: WebhookSettings,
    private readonly clock: () => Date,
  ) {}

  /** Looks at the queue now (after a new delivery, or at start). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.drain().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.kick();
      } else this.schedule();
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  private schedule(): void {
    if (this.#stopped) return;
    const next = this.store.nextDue();
    if (next === undefined) return;
    const wait = Math.max(0, Math.min(next - this.clock().getTime(), MAX_BACKOFF_MS));
    this.#timer = setTimeout(() => this.kick(), wait);
    this.#timer.unref();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.#stopped) return;
      const due = this.store.due(this.clock().getTime(), BATCH);
      if (due.length === 0) return;
      for (const delivery of due) {
        if (this.#stopped) return;
        await this.attempt(delivery);
      }
    }
  }

  private async attempt(delivery: QueuedDelivery): Promise<void> {
    const webhook = this.store.webhookOf(delivery.watchId);
    const attempt = delivery.attempts + 1;
    const at = this.clock().getTime();
    if (!webhook) {
      this.store.recordTry(delivery.deliveryId, attempt, at, {
        status: null,
        error: "the watch has no webhook any more",
        delivered: false,
        retryAt: undefined,
      });
      return;
    }
    const { status, error } = await this.post(webhook.url, delivery, webhook.secret);
    const delivered = status !== null && status >= 200 && status < 300;
    const retryAt =
      delivered || attempt >= this.settings.maxTries
        ? undefined
        : this.clock().getTime() + Math.min(this.settings.retryMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
    this.store.recordTry(delivery.deliveryId, attempt, at, { status, error, delivered, retryAt });
  }

  private post(
    url: string,
    delivery: QueuedDelivery,
    secret: string,
  ): Promise<{ status: number | null; error: string | null }> {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, "");
    if (!this.settings.allowPrivateAddresses && isIP(host) && isPrivateAddress(host))
      return Promise.resolve({ status: null, error: `${host} is a private address` });
    const body = delivery.payload;
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const request = send(
        target,
        {
          method: "POST",
          timeout: TIMEOUT_MS,
          ...(this.settings.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "user-agent": "copgraph-webhook",
            "x-copgraph-event": "notice",
            "x-copgraph-delivery": delivery.deliveryId,
            "x-copgraph-signature": signatureOf(secret, body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? null, error: null }));
          response.on("error", (error) => resolve({ status: response.statusCode ?? null, error: error.message }));
        },
      );
      request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
      request.on("error", (error) => resolve({ status: null, error: error.message }));
      request.end(body);
    });
  }
}
