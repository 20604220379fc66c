import { streamOf, toLoggedEvent } from "@copgraph/community";
import { CommunityParams, EventPage, EventPageQuery } from "@copgraph/contract";
import { pseudonymise } from "@copgraph/interchange";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pseudonymKeyFor } from "../access/audience.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { problemResponses, type RouteContext } from "./context.js";

const NDJSON = "application/x-ndjson";

export const eventLogRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, writer, personal }) => {
  app.get(
    "/v1/communities/:id/events",
    {
      config: { ...routeAccess.members, audit: { action: "read" } },
      schema: {
        tags: ["events"],
        summary: "Page through a community's event log",
        description: `JSON by default; one event per line with \`Accept: ${NDJSON}\`.`,
        params: CommunityParams,
        querystring: EventPageQuery,
        response: { 200: EventPage, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { from, limit } = request.query;
      const log = await writer.current(id);
      if (!log.registered) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
      const revision = Number(log.revision);
      const recorded =
        from > revision ? [] : await store.readStream(streamOf(id), { fromRevision: BigInt(from), maxCount: limit });
      const logged = recorded.map(toLoggedEvent);
      const pseudonymKey = pseudonymKeyFor(request);
      // Names come from the vault only for callers who may see them; a researcher never reads it.
      const events = pseudonymKey === undefined ? personal.join(id, logged) : pseudonymise(logged, pseudonymKey);
      const last = events.at(-1)?.revision;
      const next = last !== undefined && last < revision ? last + 1 : null;
      if (request.headers.accept?.includes(NDJSON)) {
        const body = events.map((event) => `${JSON.stringify(event)}\n`).join("");
        reply.header("x-next-from", next === null ? "" : String(next));
        return reply.type(`${NDJSON}; charset=utf-8`).send(body as never);
      }
      return { communityId: id, from, limit, revision, next, events };
    },
  );
};
