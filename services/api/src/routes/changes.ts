import { CommunityParams } from "@copgraph/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import type { RouteContext } from "./context.js";

const HEARTBEAT_MS = 15_000;

export const changesRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { writer, histories }) => {
  // Open streams end when the server closes, so shutdown does not wait for clients to hang up.
  const open = new Set<() => void>();
  app.addHook("onClose", async () => {
    for (const end of open) end();
  });

  app.get(
    "/v1/communities/:id/changes",
    {
      config: routeAccess.members,
      schema: {
        tags: ["analytics"],
        summary: "Server-Sent Events: a `change` message with the new revision each time the community's log grows",
        params: CommunityParams,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const log = await writer.current(id);
      if (!log.registered) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      response.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ revision: Number(log.revision) })}\n\n`);
      // A batch import applies thousands of events at once: send one message per turn, not per event.
      let pending: number | undefined;
      const stop = histories.onChange((communityId, revision) => {
        if (communityId !== id) return;
        if (pending === undefined) {
          setImmediate(() => {
            response.write(`event: change\ndata: ${JSON.stringify({ revision: pending })}\n\n`);
            pending = undefined;
          });
        }
        pending = revision;
      });
      const heartbeat = setInterval(() => response.write(": keep-alive\n\n"), HEARTBEAT_MS);
      const close = () => {
        stop();
        clearInterval(heartbeat);
        open.delete(end);
      };
      const end = () => {
        close();
        response.end();
      };
      open.add(end);
      request.raw.once("close", close);
    },
  );
};
