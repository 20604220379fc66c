import { indicatorById } from "@copgraph/analytics";
import {
  CommunityParams,
  CreateWatchRequest,
  CreateWatchResponse,
  DeliveryLog,
  NoticeList,
  WatchList,
  WatchParams,
  type WatchView,
} from "@copgraph/contract";
import type { Watch } from "@copgraph/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { LOCAL_DEVELOPER } from "../access/roles.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import type { Notices } from "../notices/notices.js";
import { WatchConflict } from "../notices/watch-log.js";
import { webhookUrlProblem } from "../notices/webhook-address.js";
import { newWebhookSecret } from "../notices/webhook-signature.js";
import { problemResponses, type RouteContext } from "./context.js";

export interface WatchRoutesOptions extends RouteContext {
  readonly notices: Notices;
}

// Watches and notices are the facilitator's own: admins and the community's facilitators only.
const facilitators = routeAccess.write;

export const watchRoutes: FastifyPluginAsyncZod<WatchRoutesOptions> = async (app, { writer, notices }) => {
  const { watches, store, board } = notices;

  const communityMustExist = async (id: string) => {
    if (!(await writer.head(id))) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
  };
  const viewOf = (watch: Watch): WatchView => {
    const webhook = store.webhookOf(watch.watchId);
    return { ...watch, webhook: webhook ? { origin: new URL(webhook.url).origin } : null };
  };
  const recordedBy = (request: FastifyRequest) => `key:${(request.caller ?? LOCAL_DEVELOPER).keyId}`;

  app.post(
    "/v1/communities/:id/watches",
    {
      config: facilitators,
      schema: {
        tags: ["notices"],
        summary:
          "Watch a reading (below its baseline, below or above a value, a drop over some days) or a spell without gatherings. " +
          "Its notices are dated over the whole history; new ones go out over `/changes` and, with a webhook, as a signed POST.",
        params: CommunityParams,
        body: CreateWatchRequest,
        response: { 201: CreateWatchResponse, ...problemResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { condition, webhook } = request.body;
      await communityMustExist(id);
      if (condition.kind !== "no-gathering" && !indicatorById.has(condition.indicator)) {
        throw new HttpProblem(400, "unknown_indicator", `there is no indicator '${condition.indicator}'`, [
          { in: "body", pointer: "/condition/indicator", message: "is not an indicator of the catalogue" },
        ]);
      }
      if (webhook) {
        const problem = await webhookUrlProblem(webhook.url, notices.settings.allowPrivateAddresses);
        if (problem)
          throw new HttpProblem(400, "webhook_refused", `the webhook URL ${problem}`, [
            { in: "body", pointer: "/webhook/url", message: problem },
          ]);
      }
      const watch = await watches.set(id, condition, recordedBy(request));
      let webhookSecret: string | undefined;
      if (webhook) {
        webhookSecret = newWebhookSecret();
        store.setWebhook(
          { watchId: watch.watchId, communityId: id, url: webhook.url, secret: webhookSecret },
          watch.setAt,
        );
      }
      // Takes in what the history already shows before answering, so only later notices are pushed.
      await board.refresh(id);
      reply.code(201).header("location", `/v1/communities/${id}/watches/${watch.watchId}`);
      return { watch: viewOf(watch), ...(webhookSecret ? { webhookSecret } : {}) };
    },
  );

  app.get(
    "/v1/communities/:id/watches",
    {
      config: facilitators,
      schema: {
        tags: ["notices"],
        summary: "The community's watches (a webhook shows only its origin)",
        params: CommunityParams,
        response: { 200: WatchList, ...problemResponses(404) },
      },
    },
    async (request) => {
      await communityMustExist(request.params.id);
      return { watches: (await watches.list(request.params.id)).map(viewOf) };
    },
  );

  app.delete(
    "/v1/communities/:id/watches/:watchId",
    {
      config: facilitators,
      schema: {
        tags: ["notices"],
        summary: "Stop watching: its webhook goes and deliveries still pending give up; the log keeps that it was set",
        params: WatchParams,
        response: { 204: z.null().meta({ description: "Removed" }), ...problemResponses(404, 503) },
      },
    },
    async (request, reply) => {
      const { id, watchId } = request.params;
      await communityMustExist(id);
      try {
        await watches.remove(id, watchId, recordedBy(request));
      } catch (error) {
        if (error instanceof WatchConflict)
          throw new HttpProblem(404, "watch_not_found", `no watch '${watchId}' in '${id}'`);
        throw error;
      }
      store.removeWebhook(watchId);
      board.touch(id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/v1/communities/:id/notices",
    {
      config: facilitators,
      schema: {
        tags: ["notices"],
        summary:
          "Every date at which a watched condition started to hold, over the whole history as known now, with a link to that date in the web app",
        params: CommunityParams,
        response: { 200: NoticeList, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await communityMustExist(id);
      const notices = await board.notices(id);
      return { communityId: id, step: "P7D" as const, watching: (await watches.list(id)).length, notices };
    },
  );

  app.get(
    "/v1/communities/:id/watches/:watchId/deliveries",
    {
      config: facilitators,
      schema: {
        tags: ["notices"],
        summary: "The watch's webhook deliveries, newest first, with every try",
        params: WatchParams,
        response: { 200: DeliveryLog, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id, watchId } = request.params;
      await communityMustExist(id);
      const deliveries = store.deliveriesOf(watchId).filter((delivery) => delivery.communityId === id);
      const standing = (await watches.list(id)).some((watch) => watch.watchId === watchId);
      if (!standing && deliveries.length === 0)
        throw new HttpProblem(404, "watch_not_found", `no watch '${watchId}' in '${id}'`);
      return {
        deliveries: deliveries.map(({ payload: _payload, communityId: _community, watchId: _watch, ...delivery }) => ({
          ...delivery,
          nextAttemptAt: delivery.nextAttemptAt === null ? null : new Date(delivery.nextAttemptAt).toISOString(),
        })),
      };
    },
  );
};
