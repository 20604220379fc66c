import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessRule } from "../access/access-rule.js";
import { HttpProblem } from "../http/problem.js";
import { problemResponses, type RouteContext } from "./context.js";

const Status = z.object({ status: z.string() });

/** Probes of load balancers carry no key and learn nothing about the data. */
const probe: { access: AccessRule } = { access: { public: "health probe" } };

export const healthRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.get(
    "/healthz",
    { config: probe, schema: { tags: ["operations"], summary: "The process is alive", response: { 200: Status } } },
    async () => ({ status: "ok" }),
  );

  app.get(
    "/readyz",
    {
      config: probe,
      schema: {
        tags: ["operations"],
        summary: "The event store answers",
        response: { 200: Status, ...problemResponses(503) },
      },
    },
    async () => {
      try {
        await store.readAll({ direction: "backwards", fromPosition: "end", maxCount: 1 });
      } catch (error) {
        throw new HttpProblem(503, "store_unavailable", `the event store does not answer: ${(error as Error).message}`);
      }
      return { status: "ready" };
    },
  );
};
