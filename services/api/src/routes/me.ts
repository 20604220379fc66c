import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "./context.js";

const Me = z
  .object({
    keyId: z.string(),
    label: z.string().optional(),
    role: z.enum(["admin", "facilitator", "researcher", "agency"]),
    communities: z
      .union([z.array(z.string()), z.literal("all")])
      .meta({ description: "The communities this key may see; `all` for admins" }),
    development: z
      .boolean()
      .meta({ description: "The server runs in local development mode: callers without a key act as admin" }),
    minGroupSize: z.number().int().meta({ description: "Agencies see no value of a smaller group" }),
  })
  .meta({ id: "Me" });

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/v1/me",
    {
      config: { access: { need: "signed-in" } },
      schema: {
        tags: ["access"],
        summary: "Who the key is: role, communities, and whether the server is in local development mode",
        response: { 200: Me, ...problemResponses(401) },
      },
    },
    async (request) => {
      const caller = request.caller!;
      return {
        keyId: caller.keyId,
        ...(caller.label ? { label: caller.label } : {}),
        role: caller.role,
        communities: caller.communities === "all" ? ("all" as const) : [...caller.communities],
        development: app.accessMode.development,
        minGroupSize: app.accessMode.minGroupSize,
      };
    },
  );
};
