import { drawnFromCompact, exportCommunity, graphBody, readCommunityLog } from "@copgraph/community";
import {
  CommunityParams,
  DEFAULT_MEMBER_PAGE_SIZE,
  GraphBackbone,
  GraphFormat,
  GraphLayers,
  GraphQueryFields,
  GraphResponse,
  IndicatorSelection,
  IndicatorsResponse,
  type IndicatorValue,
  MAX_MEMBER_PAGE_SIZE,
  MemberDetailsQuery,
  NodeIndicatorSelection,
  withGraphQueryRules,
  withMemberPagingRule,
} from "@copgraph/contract";
import { reportedLayers, type TieLayer, tieLayers } from "@copgraph/domain";
import { pseudonymise, toGexf, toGraphml } from "@copgraph/interchange";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { aggregateValues } from "../access/aggregate-view.js";
import { minGroupSizeFor, pseudonymKeyFor, pseudonymousViewFor } from "../access/audience.js";
import { asksForFile, routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { roundInEffect } from "../surveys/round-in-effect.js";
import type { SurveyLog } from "../surveys/survey-log.js";
import { withReportedTies } from "../surveys/with-reported-ties.js";
import { problemResponses, type RouteContext } from "./context.js";
import { backboneOf } from "./graph-backbone.js";
import { memberPage, withoutMemberDetails } from "./member-parts.js";

/** Bodies sent as JSON text already (see CommunityReader.serialised). */
const JSON_TYPE = "application/json; charset=utf-8";

const downloads = {
  gexf: { type: "application/gexf+xml", extension: "gexf" },
  graphml: { type: "application/graphml+xml", extension: "graphml" },
} as const;

export interface GraphRoutesOptions extends RouteContext {
  /** Where reported layers come from: the community's survey rounds. */
  readonly surveys: SurveyLog;
}

export const graphRoutes: FastifyPluginAsyncZod<GraphRoutesOptions> = async (app, { reader, store, now, surveys }) => {
  app.get(
    "/v1/communities/:id/graph",
    {
      // Graph JSON is read thousands of times a second by the web app: only file downloads are audited.
      config: { ...routeAccess.members, audit: { action: "export", when: asksForFile }, heavy: true },
      schema: {
        tags: ["analytics"],
        summary:
          "The relationship graph as of a date; nodes carry the per-member values of the indicators asked; `backbone` keeps only the ties of its backbone; reported layers add the ties of the survey round in effect",
        params: CommunityParams,
        querystring: withGraphQueryRules(
          GraphQueryFields.extend(GraphLayers.shape)
            .extend(GraphFormat.shape)
            .extend(NodeIndicatorSelection.shape)
            .extend(GraphBackbone.shape),
        ),
        response: { 200: GraphResponse, ...problemResponses(400, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { format, indicators: ids, backbone: alpha, layers: allLayers, ...rest } = request.query;
      if (alpha !== undefined && format !== "json") {
        const why = "backbone is a view of the JSON graph; a download (gexf, graphml) carries every tie";
        throw new HttpProblem(400, "validation", why, [{ in: "querystring", pointer: "/backbone", message: why }]);
      }
      const reported = allLayers?.filter((layer) => reportedLayers.includes(layer)) ?? [];
      if (reported.length > 0 && format !== "json") {
        const why = `reported layers (${reported.join(", ")}) are drawn in the JSON graph; a download (gexf, graphml) carries the recorded ties`;
        throw new HttpProblem(400, "validation", why, [{ in: "querystring", pointer: "/layers", message: why }]);
      }
      const recorded = allLayers?.filter((layer): layer is TieLayer =>
        (tieLayers as readonly string[]).includes(layer),
      );
      // Only reported layers asked: the members, and no recorded tie.
      const params = { ...rest, ...(recorded && { layers: recorded }) };
      const view = await reader.view(request.params.id, params);
      const pseudonymKey = pseudonymKeyFor(request);
      if (format !== "json" && pseudonymKey !== undefined) {
        // A researcher's file is drawn from the pseudonymised log, so no name or free text reaches it.
        const events = pseudonymise(await readCommunityLog(store, view.communityId), pseudonymKey);
        const exported = exportCommunity(format, {
          communityId: view.communityId,
          events,
          query: params,
          now: new Date(now()),
        });
        return reply
          .type(`${exported.type}; charset=utf-8`)
          .header("content-disposition", `attachment; filename="${exported.file}"`)
          .send(exported.body as never);
      }
      if (format !== "json") {
        const { type, extension } = downloads[format];
        const body =
          format === "gexf"
            ? toGexf(view.history, view.graphQuery, { description: `copgraph community ${view.communityId}` })
            : toGraphml(view.snapshot.graph, { id: view.communityId, attributes: flatQuery(view.resolved) });
        const file = `${view.communityId}-${view.resolved.at.slice(0, 10)}.${extension}`;
        return reply
          .type(`${type}; charset=utf-8`)
          .header("content-disposition", `attachment; filename="${file}"`)
          .send(body as never);
      }
      // Only the per-member values asked for: a graph is drawn before any costly indicator is done.
      const values = ids && (await reader.indicatorsInWorker(view, ids, request.analytics));
      const body = () => {
        const backbone = alpha === undefined ? undefined : backboneOf(view.compact, alpha);
        return {
          communityId: view.communityId,
          query: view.resolved,
          ...(backbone && { backbone: backbone.applied }),
          ...graphBody(backbone?.drawn ?? drawnFromCompact(view.compact), values),
        };
      };
      const pseudonyms = pseudonymousViewFor(request, view.history);
      if (reported.length > 0) {
        const { at, knownAt } = view.graphQuery;
        const round = await roundInEffect(surveys, view.communityId, at, knownAt);
        // Under the backbone, a reported tie still shows the recorded ties of its pair that the backbone left out.
        const hidden = alpha === undefined ? undefined : graphBody(drawnFromCompact(view.compact), undefined).ties;
        const drawn = withReportedTies(body(), round, reported, view.resolved.at, hidden);
        const answer = { ...drawn, query: { ...view.resolved, layers: [...(recorded ?? []), ...reported] } };
        return pseudonyms ? pseudonyms.apply(answer) : answer;
      }
      if (pseudonyms) return pseudonyms.apply(body());
      const what = alpha === undefined ? "graph" : `graph|backbone=${alpha}`;
      return reply.type(JSON_TYPE).send(reader.serialised(view, what, ids ?? [], body) as never);
    },
  );

  app.get(
    "/v1/communities/:id/indicators",
    {
      config: { ...routeAccess.aggregate, heavy: true },
      schema: {
        tags: ["analytics"],
        summary: "Indicators as of a date, each with its baseline where it has one; per-member values on request",
        params: CommunityParams,
        querystring: withMemberPagingRule(
          withGraphQueryRules(GraphQueryFields.extend(IndicatorSelection.shape).extend(MemberDetailsQuery.shape)),
        ),
        response: { 200: IndicatorsResponse, ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { indicators: ids, details, page = 1, pageSize = DEFAULT_MEMBER_PAGE_SIZE, ...params } = request.query;
      const minGroupSize = minGroupSizeFor(request);
      if (details === "members" && minGroupSize !== undefined) {
        throw new HttpProblem(
          403,
          "forbidden",
          "an agency sees community-level values and group breakdowns only: details=members is not in its view",
        );
      }
      const view = await reader.view(request.params.id, params);
      const pseudonyms = pseudonymousViewFor(request, view.history);
      const about = { communityId: view.communityId, query: view.resolved };
      const answer = (values: Values) =>
        details === "members" ? memberPage(values, page, pageSize) : communityLevel(values);
      const values = await reader.indicatorsInWorker(view, ids, request.analytics);
      if (minGroupSize === undefined && !pseudonyms) {
        const what = details === "members" ? `indicators|members|${page}|${pageSize}` : "indicators";
        const body = () => ({ ...about, ...answer(values) });
        return reply.type(JSON_TYPE).send(reader.serialised(view, what, ids, body) as never);
      }
      if (pseudonyms) {
        // A researcher's members are paged in the order of their pseudonyms: a page tells nothing of the ids behind them.
        if (details === "members") return { ...about, ...memberPage(pseudonyms.apply(values), page, pageSize) };
        return pseudonyms.apply({ ...about, ...communityLevel(values) });
      }
      const sizes = await reader.groupSizesInWorker(view, request.analytics);
      const indicators = aggregateValues(values, sizes, minGroupSize!);
      return { ...about, indicators, memberDetails: { included: false as const } };
    },
  );
};

type Values = Readonly<Record<string, IndicatorValue>>;

/** The default answer: community-level values and group breakdowns, and how to ask for the rest. */
function communityLevel(values: Values) {
  const { indicators, omitted } = withoutMemberDetails(values);
  const ask = `add details=members for them, a page of members at a time (page, pageSize: at most ${MAX_MEMBER_PAGE_SIZE})`;
  return { indicators, memberDetails: { included: false as const, omitted, ask } };
}

/** The resolved query as graph-level data, so an exported file says what it shows. */
export function flatQuery(query: Record<string, unknown>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      typeof value === "number" ? value : Array.isArray(value) ? value.join(",") : String(value ?? ""),
    ]),
  );
}
