import { randomUUID } from "node:crypto";
import {
  ChangeMemberProfileRequest,
  CommunityParams,
  JoinMemberRequest,
  LeaveCommunityRequest,
  MemberParams,
} from "@copgraph/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routeAccess } from "../access/route-configs.js";
import { WriteHeaders, writeContext } from "../http/write-context.js";
import { type RouteContext, replyWritten, writeResponses } from "./context.js";

export const memberRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { writer, now }) => {
  app.post(
    "/v1/communities/:id/members",
    {
      config: routeAccess.write,
      schema: {
        tags: ["records"],
        summary: "A member joins",
        params: CommunityParams,
        headers: WriteHeaders,
        body: JoinMemberRequest,
        response: writeResponses,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const memberId = request.body.memberId ?? randomUUID();
      const result = await writer.write({
        ...writeContext(request),
        communityId: id,
        commands: [
          { type: "JoinMember", data: { ...request.body, memberId, occurredAt: request.body.occurredAt ?? now() } },
        ],
      });
      return replyWritten(reply, result, `/v1/communities/${id}/members/${memberId}`);
    },
  );

  app.patch(
    "/v1/communities/:id/members/:memberId",
    {
      config: routeAccess.write,
      schema: {
        tags: ["records"],
        summary: "Change a member's profile (valid from occurredAt)",
        params: MemberParams,
        headers: WriteHeaders,
        body: ChangeMemberProfileRequest,
        response: writeResponses,
      },
    },
    async (request, reply) => {
      const { id, memberId } = request.params;
      const result = await writer.write({
        ...writeContext(request),
        communityId: id,
        commands: [
          {
            type: "ChangeMemberProfile",
            data: { ...request.body, memberId, occurredAt: request.body.occurredAt ?? now() },
          },
        ],
      });
      return replyWritten(reply, result);
    },
  );

  app.post(
    "/v1/communities/:id/members/:memberId/leave",
    {
      config: routeAccess.write,
      schema: {
        tags: ["records"],
        summary: "A member leaves",
        params: MemberParams,
        headers: WriteHeaders,
        body: LeaveCommunityRequest.default({}),
        response: writeResponses,
      },
    },
    async (request, reply) => {
      const { id, memberId } = request.params;
      const result = await writer.write({
        ...writeContext(request),
        communityId: id,
        commands: [
          { type: "LeaveCommunity", data: { ...request.body, memberId, occurredAt: request.body.occurredAt ?? now() } },
        ],
      });
      return replyWritten(reply, result);
    },
  );
};
