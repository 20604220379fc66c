import { drawnFromGraph, graphBody } from "@copgraph/community";
import {
  GraphQueryFields,
  IndicatorSelection,
  MemberParams,
  MemberResponse,
  withGraphQueryRules,
} from "@copgraph/contract";
import type { PersonalValues } from "@copgraph/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pseudonymousViewFor } from "../access/audience.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { problemResponses, type RouteContext } from "./context.js";

export const memberViewRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { reader, personal }) => {
  app.get(
    "/v1/communities/:id/members/:memberId",
    {
      config: { ...routeAccess.members, audit: { action: "read" }, heavy: true },
      schema: {
        tags: ["analytics"],
        summary: "A member's position: attributes, per-member indicators and ego network",
        params: MemberParams,
        // Only the indicators asked for (the web's member panel shows seven): all by default.
        querystring: withGraphQueryRules(GraphQueryFields.extend(IndicatorSelection.shape)),
        response: { 200: MemberResponse, ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request) => {
      const { id, memberId: asked } = request.params;
      const { indicators: ids, ...params } = request.query;
      const view = await reader.view(id, params);
      const graph = view.snapshot.graph;
      // A researcher names members by their pseudonyms.
      const pseudonyms = pseudonymousViewFor(request, view.history);
      const memberId = pseudonyms ? pseudonyms.memberOf(asked) : asked;
      if (memberId === undefined || !graph.hasNode(memberId)) {
        throw new HttpProblem(404, "member_not_found", `no member '${asked}' in '${id}' as of ${view.resolved.at}`);
      }
      const ego = new Set([memberId, ...graph.neighbors(memberId)]);
      const body = graphBody(drawnFromGraph(graph), await reader.indicatorsInWorker(view, ids, request.analytics), ego);
      const node = body.nodes.find((candidate) => candidate.id === memberId)!;
      // The name and organisation come from the vault, read only for a caller who may see names.
      const member = pseudonyms ? node : withProfile(node, personal.profileOf(id, memberId));
      const response = { communityId: id, query: view.resolved, member, ego: body };
      return pseudonyms?.apply(response) ?? response;
    },
  );
};

function withProfile<T extends { attributes: Record<string, string> }>(node: T, profile: PersonalValues): T {
  const attributes = { ...node.attributes };
  for (const field of ["displayName", "organisation"]) {
    const value = profile[field];
    if (typeof value === "string") attributes[field] = value;
  }
  return { ...node, attributes };
}
