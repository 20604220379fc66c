import { randomUUID } from "node:crypto";
import {
  CommunityParams,
  RecordGatheringRequest,
  RecordInteractionRequest,
  RetractRecordRequest,
} from "@copgraph/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routeAccess } from "../access/route-configs.js";
import { WriteHeaders, writeContext } from "../http/write-context.js";
import { type RouteContext, replyWritten, writeResponses } from "./context.js";

export const recordRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { writer, now }) => {
  const common = { tags: ["records"], params: CommunityParams, headers: WriteHeaders, response: writeResponses };

  app.post(
    "/v1/communities/:id/interactions",
    {
      config: routeAccess.write,
      schema: { ...common, summary: "Record an interaction (advice, mentoring, …)", body: RecordInteractionRequest },
    },
    async (request, reply) => {
      const interactionId = request.body.interactionId ?? randomUUID();
      const data = { ...request.body, interactionId, occurredAt: request.body.occurredAt ?? now() };
      const result = await writer.write({
        ...writeContext(request),
        communityId: request.params.id,
        commands: [{ type: "RecordInteraction", data }],
      });
      return replyWritten(reply, result);
    },
  );

  app.post(
    "/v1/communities/:id/gatherings",
    {
      config: routeAccess.write,
      schema: { ...common, summary: "Record a gathering with its participants' roles", body: RecordGatheringRequest },
    },
    async (request, reply) => {
      const gatheringId = request.body.gatheringId ?? randomUUID();
      const data = { ...request.body, gatheringId, occurredAt: request.body.occurredAt ?? now() };
      const result = await writer.write({
        ...writeContext(request),
        communityId: request.params.id,
        commands: [{ type: "RecordGathering", data }],
      });
      return replyWritten(reply, result);
    },
  );

  app.post(
    "/v1/communities/:id/retractions",
    {
      config: routeAccess.write,
      schema: { ...common, summary: "Retract an interaction or gathering", body: RetractRecordRequest },
    },
    async (request, reply) => {
      const data = { ...request.body, occurredAt: request.body.occurredAt ?? now() };
      const result = await writer.write({
        ...writeContext(request),
        communityId: request.params.id,
        commands: [{ type: "RetractRecord", data }],
      });
      return replyWritten(reply, result);
    },
  );
};
