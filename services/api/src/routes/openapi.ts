import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { declarePublic } from "../access/declare-public.js";

// The docs page's way back to the web app (served at the root), above the reference, in the same
// tab. A script file and a style sheet of the docs' own origin, as the Content-Security-Policy allows.
const backToAppScript = `(() => {
  const link = document.createElement("a");
  link.href = "/";
  link.textContent = "← Back to the copgraph app";
  const bar = document.createElement("nav");
  bar.className = "copgraph-back";
  bar.setAttribute("aria-label", "copgraph");
  bar.append(link);
  document.body.prepend(bar);
})();
`;
const backToAppStyle = `.copgraph-back { padding: 10px 20px; font: 15px/1.4 system-ui, sans-serif; background: #f4f5f7; border-bottom: 1px solid #d8dbe0; }
.copgraph-back a { color: #1f4f8f; }
`;

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
        {
          name: "surveys",
          description: "Survey rounds: personal links, answers by link token (no API key), response tracking",
        },
        { name: "survey indicators", description: "The structural indicators on a round's reported layers" },
        { name: "survey readings", description: "A round's trust, value and reported reciprocity, and the chain test" },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    declarePublic(docs, "the API reference describes the API, not its data");
    await docs.register(swaggerUi, {
      routePrefix: "/docs",
      theme: {
        title: "copgraph API",
        js: [{ filename: "back-to-app.js", content: backToAppScript }],
        css: [{ filename: "back-to-app.css", content: backToAppStyle }],
      },
    });
  });
}
