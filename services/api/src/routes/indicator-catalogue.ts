import { indicatorCatalogue } from "@copgraph/analytics";
import { IndicatorCatalogue } from "@copgraph/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routeAccess } from "../access/route-configs.js";
import { problemResponses } from "./context.js";

/** What every indicator measures, from the descriptions beside their computations: the same for every caller. */
export const indicatorCatalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const catalogue: IndicatorCatalogue = indicatorCatalogue();
  app.get(
    "/v1/indicators",
    {
      config: routeAccess.signedIn,
      schema: {
        tags: ["analytics"],
        summary: "Every indicator's description: title, formula, source, baseline, unit, options and a plain reading",
        description: "The same text as docs/indicators.md. Text fields are Markdown (`code` and **bold** only).",
        response: { 200: IndicatorCatalogue, ...problemResponses(401) },
      },
    },
    async () => catalogue,
  );
};
