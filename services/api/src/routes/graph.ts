import { exportCommunity, graphBody, readCommunityLog } from "@copgraph/community";
import {
  CommunityParams,
  GraphFormat,
  GraphQueryFields,
  GraphResponse,
  IndicatorSelection,
  IndicatorsResponse,
  withGraphQueryRules,
} from "@copgraph/contract";
import { pseudonymise, toGexf, toGraphml } from "@copgraph/interchange";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { aggregateValues, groupSizesOf } from "../access/aggregate-view.js";
import { minGroupSizeFor, pseudonymKeyFor, pseudonymousViewFor } from "../access/audience.js";
import { asksForFile, routeAccess } from "../access/route-configs.js";
import { problemResponses, type RouteContext } from "./context.js";

/** Bodies sent as JSON text already (see CommunityReader.serialised). */
const JSON_TYPE = "application/json; charset=utf-8";

const downloads = {
  gexf: { type: "application/gexf+xml", extension: "gexf" },
  graphml: { type: "application/graphml+xml", extension: "graphml" },
} as const;

export const graphRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { reader, store, now }) => {
  app.get(
    "/v1/communities/:id/graph",
    {
      // Graph JSON is read thousands of times a second by the web app: only file downloads are audited.
      config: { ...routeAccess.members, audit: { action: "export", when: asksForFile } },
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
      const pseudonymKey = pseudonymKeyFor(request);
      if (format !== "json" && pseudonymKey !== undefined) {
        // A researcher's file is drawn from the pseudonymised log, so no name or free text reaches it.
        const events = pseudonymise(await readCommunityLog(store, view.communityId), pseudonymKey);
        const exported = exportCommunity(format, {
          communityId: view.communityId,
          events,
          query: params,
          now: new Date(now()),
        });
        return reply
          .type(`${exported.type}; charset=utf-8`)
          .header("content-disposition", `attachment; filename="${exported.file}"`)
          .send(exported.body as never);
      }
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
      const body = () => ({
        communityId: view.communityId,
        query: view.resolved,
        ...graphBody(view.snapshot.graph, reader.indicators(view)),
      });
      const pseudonyms = pseudonymousViewFor(request, view.history);
      if (pseudonyms) return pseudonyms.apply(body());
      return reply.type(JSON_TYPE).send(reader.serialised(view, "graph", undefined, body) as never);
    },
  );

  app.get(
    "/v1/communities/:id/indicators",
    {
      config: routeAccess.aggregate,
      schema: {
        tags: ["analytics"],
        summary: "Indicators as of a date, each with its baseline where it has one",
        params: CommunityParams,
        querystring: withGraphQueryRules(GraphQueryFields.extend(IndicatorSelection.shape)),
        response: { 200: IndicatorsResponse, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { indicators: ids, ...params } = request.query;
      const view = await reader.view(request.params.id, params);
      const minGroupSize = minGroupSizeFor(request);
      const pseudonyms = pseudonymousViewFor(request, view.history);
      if (minGroupSize === undefined && !pseudonyms) {
        const body = () => ({
          communityId: view.communityId,
          query: view.resolved,
          indicators: reader.indicators(view, ids),
        });
        return reply.type(JSON_TYPE).send(reader.serialised(view, "indicators", ids, body) as never);
      }
      const values = reader.indicators(view, ids);
      const indicators =
        minGroupSize === undefined
          ? values
          : aggregateValues(values, groupSizesOf(view.snapshot.graph, view.options.attribute), minGroupSize);
      const body = { communityId: view.communityId, query: view.resolved, indicators };
      return pseudonyms?.apply(body) ?? body;
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
