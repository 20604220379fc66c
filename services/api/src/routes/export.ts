import { ExportKeyError, exportCommunity, exportFormats, readCommunityLog } from "@copgraph/community";
import { CommunityParams, GraphQueryFields, withGraphQueryRules } from "@copgraph/contract";
import { indicatorsCsv, pseudonymise } from "@copgraph/interchange";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pseudonymKeyFor, pseudonymousViewFor } from "../access/audience.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { problemResponses, type RouteContext } from "./context.js";

/** The reader's time budget for this request: stopped when the client goes away, released once answered. */
function budgetUntilClosed(reader: RouteContext["reader"], reply: FastifyReply) {
  const clientGone = new AbortController();
  const budget = reader.budget(clientGone.signal);
  reply.raw.once("close", () => {
    if (!reply.raw.writableFinished) clientGone.abort();
    budget.release();
  });
  return budget;
}

const ExportQuery = withGraphQueryRules(
  GraphQueryFields.extend({
    format: z
      .enum(exportFormats)
      .meta({ description: "ndjson (the event log), research (pseudonymised log), gexf, graphml, indicators-csv" }),
    key: z
      .string()
      .max(256)
      .optional()
      .meta({ description: "research: the export key; the same key gives the same pseudonyms" }),
  }),
);

export const exportRoutes: FastifyPluginAsyncZod<RouteContext> = async (
  app,
  { store, writer, reader, personal, now },
) => {
  app.get(
    "/v1/communities/:id/export",
    {
      config: { ...routeAccess.members, audit: { action: "export" } },
      schema: {
        tags: ["exports"],
        summary:
          "Download a community: its event log, a pseudonymised research log, GEXF, GraphML or indicators as CSV",
        params: CommunityParams,
        querystring: ExportQuery,
        response: problemResponses(400, 403, 404, 503),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format: asked, key, ...query } = request.query;
      const pseudonymKey = pseudonymKeyFor(request);
      // A researcher's exports always carry the key's own pseudonyms: a chosen key could reverse guessable ids.
      if (pseudonymKey !== undefined && key !== undefined) {
        throw new HttpProblem(403, "forbidden", "a researcher's exports use the key's own pseudonyms; leave out `key`");
      }
      const format = pseudonymKey !== undefined && asked === "research" ? "ndjson" : asked;
      if (format === "indicators-csv") {
        // Every indicator: in the analytics threads within the time budget, as /indicators, never on this thread.
        const view = await reader.view(id, query);
        const values = await reader.indicatorsInWorker(view, undefined, budgetUntilClosed(reader, reply));
        const answer = { communityId: view.communityId, query: view.resolved, indicators: values };
        const shown = pseudonymousViewFor(request, view.history)?.apply(answer) ?? answer;
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${view.communityId}.indicators.csv"`)
          .send(indicatorsCsv(shown) as never);
      }
      const log = await writer.current(id);
      if (!log.registered) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
      const logged = await readCommunityLog(store, id);
      const events = pseudonymKey === undefined ? logged : pseudonymise(logged, pseudonymKey);
      let exported: ReturnType<typeof exportCommunity>;
      try {
        exported = exportCommunity(format, {
          communityId: id,
          events,
          query,
          ...(key ? { key } : {}),
          // Only a caller who may see names gets them back into the NDJSON log.
          ...(pseudonymKey === undefined ? { withNames: (all) => personal.join(id, all) } : {}),
          now: new Date(now()),
        });
      } catch (error) {
        if (error instanceof ExportKeyError) {
          throw new HttpProblem(400, "validation", error.message, [
            { in: "querystring", pointer: "/key", message: error.message },
          ]);
        }
        throw error;
      }
      return reply
        .type(`${exported.type}; charset=utf-8`)
        .header("content-disposition", `attachment; filename="${exported.file}"`)
        .send(exported.body as never);
    },
  );
};
