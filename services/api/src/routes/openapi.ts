import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { declarePublic } from "../access/declare-public.js";

/** OpenAPI generated from the routes' zod schemas, with a UI at /docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "copgraph API",
        description: "Event-sourced relationship-network analytics for communities of practice.",
        version: "1",
      },
      tags: [
        { name: "communities", description: "Register and list communities" },
        { name: "records", description: "Record members, interactions, gatherings and retractions" },
        { name: "events", description: "The immutable event log: batch import and paging" },
        { name: "imports", description: "CSV files and their templates" },
        { name: "exports", description: "The event log and the graph in researchers' formats" },
        { name: "analytics", description: "The relationship graph and its indicators as of any date" },
        { name: "operations", description: "Health and readiness" },
        { name: "access", description: "Who the caller is, and the audit log" },
        { name: "notices", description: "Watches, the notices they give, and their webhook deliveries" },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    declarePublic(docs, "the API reference describes the API, not its data");
    await docs.register(swaggerUi, { routePrefix: "/docs" });
  });
}
