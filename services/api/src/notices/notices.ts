import type { CommunityHistories, CommunityReader } from "@copgraph/community";
import type { EventStore } from "@copgraph/event-store";
import { NoticeBoard } from "./notice-board.js";
import { NoticeStore } from "./notice-store.js";
import { WatchLog } from "./watch-log.js";
import { WebhookDeliverer, type WebhookSettings } from "./webhook-deliverer.js";

export interface NoticeOptions {
  /** The SQLite file of webhooks, seen notices and the delivery queue (default: in memory). */
  readonly file?: string;
  readonly webhooks: WebhookSettings;
  /** Where the web app is served (the server's address once it listens), for the links webhooks carry. */
  readonly baseUrl?: () => string;
}

export const defaultWebhookSettings: WebhookSettings = { allowPrivateAddresses: false, retryMs: 30_000, maxTries: 8 };

/** Watches, their notices and webhook deliveries, wired together. */
export class Notices {
  readonly store: NoticeStore;
  readonly watches: WatchLog;
  readonly deliverer: WebhookDeliverer;
  readonly board: NoticeBoard;
  readonly settings: WebhookSettings;

  constructor(
    eventStore: EventStore,
    reader: CommunityReader,
    histories: CommunityHistories,
    clock: () => Date,
    options: NoticeOptions,
    warn: (message: string) => void,
  ) {
    this.settings = options.webhooks;
    this.store = new NoticeStore(options.file);
    this.watches = new WatchLog(eventStore, clock);
    this.deliverer = new WebhookDeliverer(this.store, options.webhooks, clock);
    this.board = new NoticeBoard(
      this.watches,
      reader,
      histories,
      this.store,
      this.deliverer,
      clock,
      (link) => `${(options.baseUrl?.() ?? "").replace(/\/+$/, "")}/${link}`,
      warn,
    );
  }

  async start(): Promise<void> {
    await this.board.start();
    this.deliverer.kick();
  }

  /** Stops evaluating and delivering (a delivery under way finishes). */
  async stop(): Promise<void> {
    this.board.stop();
    await this.deliverer.stop();
  }

  async close(): Promise<void> {
    await this.stop();
    this.store.close();
  }
}
