import {
  CommunityParams,
  GraphFormat,
  GraphQueryFields,
  GraphResponse,
  IndicatorSelection,
  IndicatorsResponse,
  withGraphQueryRules,
} from "@copgraph/contract";
import { toGexf, toGraphml } from "@copgraph/interchange";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { graphBody } from "../read/graph-body.js";
import { problemResponses, type RouteContext } from "./context.js";

const downloads = {
  gexf: { type: "application/gexf+xml", extension: "gexf" },
  graphml: { type: "application/graphml+xml", extension: "graphml" },
} as const;

export const graphRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { reader }) => {
  app.get(
    "/v1/communities/:id/graph",
    {
      schema: {
        tags: ["analytics"],
        summary: "The relationship graph as of a date, with per-member indicators",
        params: CommunityParams,
        querystring: withGraphQueryRules(GraphQueryFields.extend(GraphFormat.shape)),
        response: { 200: GraphResponse, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { format, ...params } = request.query;
      const view = await reader.view(request.params.id, params);
      if (format !== "json") {
        const { type, extension } = downloads[format];
        const body =
          format === "gexf"
            ? toGexf(view.history, view.graphQuery, { description: `copgraph community ${view.communityId}` })
            : toGraphml(view.snapshot.graph, { id: view.communityId, attributes: flatQuery(view.resolved) });
        const file = `${view.communityId}-${view.resolved.at.slice(0, 10)}.${extension}`;
        return reply
          .type(`${type}; charset=utf-8`)
          .header("content-disposition", `attachment; filename="${file}"`)
          .send(body as never);
      }
      const values = reader.indicators(view);
      return { communityId: view.communityId, query: view.resolved, ...graphBody(view.snapshot.graph, values) };
    },
  );

  app.get(
    "/v1/communities/:id/indicators",
    {
      schema: {
        tags: ["analytics"],
        summary: "Indicators as of a date, each with its baseline where it has one",
        params: CommunityParams,
        querystring: withGraphQueryRules(GraphQueryFields.extend(IndicatorSelection.shape)),
        response: { 200: IndicatorsResponse, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { indicators: ids, ...params } = request.query;
      const view = await reader.view(request.params.id, params);
      return { communityId: view.communityId, query: view.resolved, indicators: reader.indicators(view, ids) };
    },
  );
};

/** The resolved query as graph-level data, so an exported file says what it shows. */
export function flatQuery(query: Record<string, unknown>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      typeof value === "number" ? value : Array.isArray(value) ? value.join(",") : String(value ?? ""),
    ]),
  );
}
