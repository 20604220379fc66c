// Watches, the notices they give and their webhook deliveries, as the API speaks them.
import { EntityId, WatchCondition } from "@copgraph/domain";
import { z } from "zod";
import { CommunityParams } from "./requests.js";

export const WatchParams = CommunityParams.extend({ watchId: EntityId });

export const CreateWatchRequest = z
  .strictObject({
    condition: WatchCondition,
    webhook: z
      .strictObject({
        url: z.string().max(2000).meta({ description: "http(s) address that receives each new notice, signed" }),
      })
      .optional(),
  })
  .meta({ id: "CreateWatchRequest" });
export type CreateWatchRequest = z.infer<typeof CreateWatchRequest>;

export const WatchView = z
  .object({
    watchId: z.string(),
    condition: WatchCondition,
    /** Valid time it was set; notices are dated over the whole history regardless. */
    setAt: z.string(),
    /** Only the receiver's origin: a webhook's path often holds a token. */
    webhook: z.object({ origin: z.string() }).nullable(),
  })
  .meta({ id: "Watch" });
export type WatchView = z.infer<typeof WatchView>;

export const CreateWatchResponse = z.object({
  watch: WatchView,
  webhookSecret: z
    .string()
    .optional()
    .meta({ description: "Key of the webhook's HMAC-SHA256 signature; shown this once, kept server-side" }),
});
export type CreateWatchResponse = z.infer<typeof CreateWatchResponse>;

export const WatchList = z.object({ watches: z.array(WatchView) });
export type WatchList = z.infer<typeof WatchList>;

export const Notice = z
  .object({
    id: z.string(),
    watchId: z.string(),
    communityId: z.string(),
    condition: WatchCondition,
    /** The indicator watched; null for a spell without gatherings. */
    indicator: z.string().nullable(),
    /** Valid time at which the condition started to hold (a weekly step for readings). */
    at: z.string(),
    value: z.number(),
    /** What the value was compared with: its baseline, the threshold, its earlier value, or the days allowed. */
    baseline: z.number(),
    /** The web app's community view at that date. */
    link: z.string(),
  })
  .meta({ id: "Notice" });
export type Notice = z.infer<typeof Notice>;

export const NoticeList = z.object({
  communityId: z.string(),
  /** Readings are evaluated on this grid (Mondays 00:00 UTC); quiet spells are exact. */
  step: z.literal("P7D"),
  /** Watches standing: none means nothing is watched (and no notice can come). */
  watching: z.number(),
  notices: z.array(Notice),
});
export type NoticeList = z.infer<typeof NoticeList>;

export const DeliveryTry = z.object({
  at: z.string(),
  /** The receiver's HTTP status; null when it could not be reached. */
  status: z.number().nullable(),
  error: z.string().nullable(),
});

export const Delivery = z
  .object({
    deliveryId: z.string(),
    noticeId: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number(),
    lastStatus: z.number().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    tries: z.array(DeliveryTry),
  })
  .meta({ id: "WebhookDelivery" });
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryLog = z.object({ deliveries: z.array(Delivery) });
