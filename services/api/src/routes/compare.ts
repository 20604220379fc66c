import type { CommunityView } from "@copgraph/community";
import { CompareResponse, GraphQueryFields, IndicatorSelection, withGraphQueryRules } from "@copgraph/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { aggregateValues } from "../access/aggregate-view.js";
import { minGroupSizeFor } from "../access/audience.js";
import { problemResponses, type RouteContext } from "./context.js";

const CompareParams = withGraphQueryRules(
  GraphQueryFields.extend(IndicatorSelection.shape).extend({
    communities: z
      .string()
      .transform((text) => [
        ...new Set(
          text
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.]{0,63}$/))
          .min(1)
          .max(50),
      )
      .meta({ description: "Community ids, comma-separated (up to 50)" }),
  }),
);

export const compareRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { reader }) => {
  app.get(
    "/v1/compare",
    {
      config: { access: { need: "aggregate", community: "query.communities" }, heavy: true },
      schema: {
        tags: ["analytics"],
        summary: "The same indicators for several communities side by side, each with its baseline",
        querystring: CompareParams,
        response: { 200: CompareResponse, ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request) => {
      const { communities: ids, indicators: selection, ...params } = request.query;
      const views = await Promise.all(ids.map((id) => reader.view(id, params)));
      const minGroupSize = minGroupSizeFor(request);
      const communities: CompareResponse["communities"] = [];
      // One community at a time: each waits its turn in the analytics pool behind other requests' work.
      for (const view of views) {
        const values = await reader.indicatorsInWorker(view, selection, request.analytics);
        if (minGroupSize !== undefined) {
          const sizes = await reader.groupSizesInWorker(view, request.analytics);
          communities.push({ ...communityOf(view), indicators: aggregateValues(values, sizes, minGroupSize) });
          continue;
        }
        const indicators: CompareResponse["communities"][number]["indicators"] = {};
        for (const [id, { byMember: _member, details: _details, ...aggregate }] of Object.entries(values)) {
          indicators[id] = aggregate;
        }
        communities.push({ ...communityOf(view), indicators });
      }
      const { revision: _revision, ...query } = views[0]!.resolved;
      return { query, communities };
    },
  );
};

const communityOf = (view: CommunityView) => ({
  communityId: view.communityId,
  name: view.name,
  revision: view.resolved.revision,
});
