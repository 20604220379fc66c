import { createHash, randomUUID } from "node:crypto";
import { communityOf, type PersonalData } from "@copgraph/community";
import { CommunityList, CommunityParams, CommunitySummary, RegisterCommunityRequest } from "@copgraph/contract";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { aggregateSummary } from "../access/aggregate-view.js";
import { minGroupSizeFor, readsFreeText } from "../access/audience.js";
import { mayAccess } from "../access/roles.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { etag, WriteHeaders, writeContext } from "../http/write-context.js";
import { problemResponses, type RouteContext, replyWritten, writeResponses } from "./context.js";

export const communityRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, writer, personal, now }) => {
  app.post(
    "/v1/communities",
    {
      // A facilitator registers only a community granted to its key, so the body must name it.
      config: { access: { need: "write", community: "body.communityId" } },
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
    {
      config: routeAccess.signedIn,
      schema: {
        tags: ["communities"],
        summary: "List the communities the caller may see",
        response: { 200: CommunityList },
      },
    },
    async (request) => {
      const caller = request.caller!;
      const streams = (await store.listStreams("community-")).filter((stream) =>
        mayAccess(caller, communityOf(stream.streamId)),
      );
      const logs = await Promise.all(streams.map((stream) => writer.current(communityOf(stream.streamId))));
      const communities = logs.flatMap((log) => {
        const summary = log.summary();
        return summary ? [summaryFor(request, summary, personal)] : [];
      });
      communities.sort((a, b) => a.name.localeCompare(b.name) || a.communityId.localeCompare(b.communityId));
      return { communities };
    },
  );

  app.get(
    "/v1/communities/:id",
    {
      config: routeAccess.aggregate,
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
      return summaryFor(request, summary, personal);
    },
  );
};

/** A community's summary as the caller may see it: agencies get no counts of a community under the minimum size. */
function summaryFor(request: FastifyRequest, summary: CommunitySummary, personal: PersonalData): CommunitySummary {
  const minGroupSize = minGroupSizeFor(request);
  const seen = withFreeText(request, summary, personal);
  return minGroupSize === undefined ? seen : aggregateSummary(seen, minGroupSize);
}

/** A community's description is free text, kept in the vault: researchers and agencies get the summary without it. */
function withFreeText(request: FastifyRequest, summary: CommunitySummary, personal: PersonalData): CommunitySummary {
  // A log recorded before the vault existed may still hold the description itself.
  const { description: inLog, ...rest } = summary;
  if (!readsFreeText(request)) return rest;
  const description = personal.descriptionOf(summary.communityId) ?? inLog;
  return description === undefined ? rest : { ...rest, description };
}
