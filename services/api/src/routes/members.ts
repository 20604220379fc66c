import { randomUUID } from "node:crypto";
import {
  ChangeMemberProfileRequest,
  CommunityParams,
  EraseMemberRequest,
  JoinMemberRequest,
  LeaveCommunityRequest,
  MemberParams,
} from "@copgraph/contract";
import { type Command, memberIdWarnings } from "@copgraph/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routeAccess } from "../access/route-configs.js";
import { WriteHeaders, writeContext } from "../http/write-context.js";
import { type RouteContext, replyWritten, writeResponses } from "./context.js";

export const memberRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { writer, now }) => {
  /** One command about the member in the path, with the body's fields; occurredAt defaults to now. */
  const writeAboutMember = async (
    request: FastifyRequest<{ Params: { id: string; memberId: string }; Body: { occurredAt?: string } }>,
    reply: FastifyReply,
    type: "LeaveCommunity" | "EraseMember",
  ) => {
    const { id, memberId } = request.params;
    const data = { ...request.body, memberId, occurredAt: request.body.occurredAt ?? now() };
    const command = { type, data } as Command;
    const result = await writer.write({ ...writeContext(request), communityId: id, commands: [command] });
    return replyWritten(reply, result);
  };

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
      const warnings = memberIdWarnings(memberId, request.body.displayName);
      return replyWritten(
        reply,
        warnings.length === 0 ? result : { ...result, warnings },
        `/v1/communities/${id}/members/${memberId}`,
      );
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
    (request, reply) => writeAboutMember(request, reply, "LeaveCommunity"),
  );

  app.post(
    "/v1/communities/:id/members/:memberId/erase",
    {
      config: { ...routeAccess.write, audit: { action: "erase" } },
      schema: {
        tags: ["records"],
        summary: "Erase a member's personal data",
        description:
          "Records MemberErased and deletes the member's name and organisation, the free text of every interaction and gathering they are a party to, and the survey ratings and items they gave and every rating given about them, from the personal-data vault. The member stays in the history as an anonymous node (and in survey rounds as anonymous ties), so every indicator on recorded ties keeps its value.",
        params: MemberParams,
        headers: WriteHeaders,
        body: EraseMemberRequest.default({}),
        response: writeResponses,
      },
    },
    (request, reply) => writeAboutMember(request, reply, "EraseMember"),
  );
};
