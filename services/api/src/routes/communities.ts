import { createHash, randomUUID } from "node:crypto";
import { CommunityList, CommunityParams, CommunitySummary, RegisterCommunityRequest } from "@copgraph/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HttpProblem } from "../http/problem.js";
import { etag, WriteHeaders, writeContext } from "../http/write-context.js";
import { communityOf } from "../write/community-log.js";
import { problemResponses, type RouteContext, replyWritten, writeResponses } from "./context.js";

export const communityRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, writer, now }) => {
  app.post(
    "/v1/communities",
    {
      schema: {
        tags: ["communities"],
        summary: "Register a community",
        headers: WriteHeaders,
        body: RegisterCommunityRequest,
        response: writeResponses,
      },
    },
    async (request, reply) => {
      const context = writeContext(request);
      const { communityId: chosen, occurredAt, ...rest } = request.body;
      // A keyed retry must land on the same community, so its id derives from the key.
      const communityId =
        chosen ??
        (context.idempotencyKey === undefined
          ? randomUUID().replaceAll("-", "")
          : createHash("sha256").update(context.idempotencyKey).digest("hex").slice(0, 32));
      const result = await writer.write({
        ...context,
        communityId,
        commands: [
          {
            type: "RegisterCommunity",
            data: { ...rest, communityId, occurredAt: occurredAt ?? now() },
          },
        ],
      });
      return replyWritten(reply, result, `/v1/communities/${communityId}`);
    },
  );

  app.get(
    "/v1/communities",
    { schema: { tags: ["communities"], summary: "List communities", response: { 200: CommunityList } } },
    async () => {
      const streams = await store.listStreams("community-");
      const logs = await Promise.all(streams.map((stream) => writer.current(communityOf(stream.streamId))));
      const communities = logs.flatMap((log) => {
        const summary = log.summary();
        return summary ? [summary] : [];
      });
      communities.sort((a, b) => a.name.localeCompare(b.name) || a.communityId.localeCompare(b.communityId));
      return { communities };
    },
  );

  app.get(
    "/v1/communities/:id",
    {
      schema: {
        tags: ["communities"],
        summary: "One community with its counts",
        params: CommunityParams,
        response: { 200: CommunitySummary, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const summary = (await writer.current(request.params.id)).summary();
      if (!summary) throw new HttpProblem(404, "community_not_found", `no community '${request.params.id}'`);
      reply.header("etag", etag(summary.revision));
      return summary;
    },
  );
};
