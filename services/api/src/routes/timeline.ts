import { defaultIndicatorOptions } from "@copgraph/analytics";
import {
  CommunityParams,
  durationSteps,
  GraphQueryFields,
  IndicatorSelection,
  parseDuration,
  QueryDuration,
  TimelineResponse,
} from "@copgraph/contract";
import { timelineCsv } from "@copgraph/interchange";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isSuppressed } from "../access/aggregate-view.js";
import { minGroupSizeFor } from "../access/audience.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { problemResponses, type RouteContext } from "./context.js";

const MAX_STEPS = 200;
/** Dates × permutations: each date runs every permutation test again (200 monthly dates at the default 1000). */
const MAX_STEP_PERMUTATIONS = 200_000;

// The series' own `from` is its first date, so a window or half-life is per date, not the series'.
const TimelineParams = GraphQueryFields.omit({ at: true, from: true })
  .extend(IndicatorSelection.shape)
  .extend({
    from: z.iso.datetime({ offset: true }).meta({ description: "First date of the series" }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "Last date (default now)" }),
    step: QueryDuration.default("P1M").meta({
      description: `Distance between dates, e.g. P1W or P1M; at most ${MAX_STEPS} dates`,
    }),
    permutations: GraphQueryFields.shape.permutations.meta({
      description: `Permutations for p-values (default ${defaultIndicatorOptions.permutations}); dates × permutations at most ${MAX_STEP_PERMUTATIONS.toLocaleString("en")}`,
    }),
    format: z
      .enum(["json", "csv"])
      .default("json")
      .meta({ description: "json, or csv to download (one row per date and indicator)" }),
  })
  .refine((q) => q.window === undefined || q.halfLife === undefined, {
    message: "give at most one of window and halfLife",
    path: ["window"],
  });

export const timelineRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { reader, now }) => {
  app.get(
    "/v1/communities/:id/indicators/timeline",
    {
      config: { ...routeAccess.aggregate, heavy: true },
      schema: {
        tags: ["analytics"],
        summary: "Indicators at a series of dates (each date is the query's `at`)",
        params: CommunityParams,
        querystring: TimelineParams,
        response: { 200: TimelineResponse, ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { from, to, step, format, indicators: ids, ...params } = request.query;
      const start = Date.parse(from);
      const end = to === undefined ? Date.parse(now()) : Date.parse(to);
      if (end < start)
        throw new HttpProblem(400, "validation", "to must not be before from", [
          { in: "querystring", pointer: "/to", message: "must not be before from" },
        ]);
      // One more than allowed tells a series that is too long.
      const steps = durationSteps(start, end, parseDuration(step)!, MAX_STEPS + 1);
      if (steps.length > MAX_STEPS) {
        throw new HttpProblem(
          400,
          "too_many_steps",
          `the timeline would have more than ${MAX_STEPS} dates; use a longer step`,
          [{ in: "querystring", pointer: "/step", message: `more than ${MAX_STEPS} dates` }],
        );
      }
      const permutations = params.permutations ?? defaultIndicatorOptions.permutations;
      if (steps.length * permutations > MAX_STEP_PERMUTATIONS) {
        const limit = MAX_STEP_PERMUTATIONS.toLocaleString("en");
        throw new HttpProblem(
          400,
          "too_many_step_permutations",
          `${steps.length} dates × ${permutations} permutations is more than ${limit}; use fewer permutations or a longer step`,
          [{ in: "querystring", pointer: "/permutations", message: `dates × permutations more than ${limit}` }],
        );
      }
      const series: TimelineResponse["series"] = {};
      const minGroupSize = minGroupSizeFor(request);
      let query: TimelineResponse["query"] | undefined;
      for (const [index, at] of steps.entries()) {
        const view = await reader.view(request.params.id, { ...params, at: new Date(at).toISOString() });
        query ??= view.resolved;
        // Agencies: a date when the community is smaller than the minimum group size shows no value.
        const withheld =
          minGroupSize !== undefined &&
          isSuppressed(await reader.groupSizesInWorker(view, request.analytics), minGroupSize);
        // One date at a time: each waits its turn in the analytics pool behind other requests' work.
        const values = await reader.indicatorsInWorker(view, ids, request.analytics);
        for (const [id, value] of Object.entries(values)) {
          let entry = series[id];
          if (!entry) {
            entry = {
              version: value.version,
              values: [],
              baselines: [],
              ...(minGroupSize !== undefined && { suppressed: [] }),
            };
            series[id] = entry;
          }
          entry.values[index] = withheld ? null : value.value;
          entry.baselines![index] = withheld ? null : (value.baseline ?? null);
          if (entry.suppressed) entry.suppressed[index] = withheld;
        }
      }
      const timeline: TimelineResponse = {
        communityId: request.params.id,
        query: { ...(query as TimelineResponse["query"]), at: new Date(end).toISOString() },
        steps: steps.map((at) => new Date(at).toISOString()),
        series,
      };
      if (format === "json") return timeline;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${request.params.id}-timeline.csv"`)
        .send(timelineCsv(timeline) as never);
    },
  );
};
