import { CommunityParams, EventBatchRequest } from "@copgraph/contract";
import { type CommunityEvent, commandForEvent, DomainError } from "@copgraph/domain";
import { type LineError, TransactionTimes } from "@copgraph/interchange";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routeAccess } from "../access/route-configs.js";
import { domainProblem } from "../http/error-handler.js";
import { HttpProblem } from "../http/problem.js";
import { WriteHeaders, writeContext } from "../http/write-context.js";
import { type RouteContext, replyWritten, writeResponses } from "./context.js";

export const eventBatchRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { writer, now }) => {
  app.post(
    "/v1/communities/:id/events",
    {
      // Up to 10,000 events of a few hundred bytes each.
      config: { ...routeAccess.write, bulkBody: true },
      schema: {
        tags: ["events"],
        summary: "Append a batch of events, all or nothing (import of whole histories)",
        description:
          "Each event is checked by its schema and by the community's rules in order, so a batch may register the community and its members and then use them. Nothing is stored unless every event is valid.",
        params: CommunityParams,
        headers: WriteHeaders,
        body: EventBatchRequest,
        response: writeResponses,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const items = request.body.events as unknown as (CommunityEvent & { id?: string; recordedAt?: string })[];
      items.forEach((item, index) => {
        if (item.type === "CommunityRegistered" && item.data.communityId !== id) {
          throw new HttpProblem(
            422,
            "community_mismatch",
            `event ${index} registers '${item.data.communityId}', not '${id}'`,
            [{ in: "body", pointer: `/events/${index}/data/communityId`, message: `must be '${id}'` }],
          );
        }
      });
      const times = new TransactionTimes(Date.parse(now()));
      const timeErrors: LineError[] = [];
      items.forEach((item, index) => {
        if (item.recordedAt !== undefined) times.check(item.recordedAt, index, timeErrors);
      });
      if (timeErrors.length > 0) {
        throw new HttpProblem(
          422,
          "invalid_recorded_at",
          timeErrors.map(({ line, message }) => `event ${line}: ${message}`).join("; "),
          timeErrors.map(({ line, message }) => ({ in: "body", pointer: `/events/${line}/recordedAt`, message })),
        );
      }
      const ids = items.map((item) => item.id);
      const seen = new Set<string>();
      const duplicate = ids.findIndex((eventId) => {
        if (eventId === undefined) return false;
        if (seen.has(eventId)) return true;
        seen.add(eventId);
        return false;
      });
      if (duplicate >= 0) {
        throw new HttpProblem(400, "duplicate_event_id", `event ${duplicate} repeats id ${ids[duplicate]}`, [
          { in: "body", pointer: `/events/${duplicate}/id`, message: "ids must be distinct within a batch" },
        ]);
      }
      try {
        const result = await writer.write({
          ...writeContext(request),
          communityId: id,
          commands: items.map(({ type, data }) => commandForEvent({ type, data } as CommunityEvent)),
          eventIds: ids,
          recordedAts: items.map((item) => item.recordedAt),
        });
        return replyWritten(reply, result);
      } catch (error) {
        if (error instanceof DomainError && error.index !== undefined) {
          throw domainProblem(error, `/events/${error.index}/data`);
        }
        throw error;
      }
    },
  );
};
