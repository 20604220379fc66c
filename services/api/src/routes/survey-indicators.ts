import {
  type IndicatorOptions,
  type MemberAttributes,
  NotOnReportedLayersError,
  type ReportedIndicatorValue,
  reportedIndicators,
  rosterAttributesAt,
} from "@copgraph/analytics";
import { groupSizesOfMembers } from "@copgraph/community";
import { RoundParams, SurveyIndicatorsQuery, SurveyIndicatorsResponse } from "@copgraph/contract";
import { roundEndsAt, type SurveyRound, surveyQuestionById, surveyResponsesOf } from "@copgraph/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { aggregateValue } from "../access/aggregate-view.js";
import { minGroupSizeFor, pseudonymousViewFor } from "../access/audience.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import type { Surveys } from "../surveys/surveys.js";
import { problemResponses, type RouteContext } from "./context.js";

export interface SurveyIndicatorRoutesOptions extends RouteContext {
  readonly surveys: Surveys;
}

const DEFAULT_SEED = 1;
const DEFAULT_PERMUTATIONS = 1000;

type Audience = SurveyIndicatorsResponse["audience"];

/** As for /indicators: researchers see pseudonyms, agencies community and group figures only. */
function audienceOf(request: FastifyRequest): Audience {
  const role = request.caller?.role;
  if (role === "researcher") return "pseudonyms";
  if (role === "agency") return "aggregates";
  return "names";
}

// The catalogue's structural indicators on a round's reported layers, computed in the request on
// the reported graph (every member asked; reciprocity over the respondents only). The recorded
// graph's engine is not involved: a reported tie has no date, so it has no place in its windows.
export const surveyIndicatorRoutes: FastifyPluginAsyncZod<SurveyIndicatorRoutesOptions> = async (
  app,
  { writer, reader, surveys },
) => {
  app.get(
    "/v1/communities/:id/surveys/:roundId/indicators",
    {
      config: { ...routeAccess.aggregate, heavy: true },
      schema: {
        tags: ["survey indicators"],
        summary:
          "The structural indicators (network, diversity, silo, reciprocity) on a round's reported layers, with the response rate; reciprocity over dyads in which both answered; time-based ones refused",
        params: RoundParams,
        querystring: SurveyIndicatorsQuery,
        response: { 200: SurveyIndicatorsResponse, ...problemResponses(400, 403, 404, 429) },
      },
    },
    async (request) => {
      const { id, roundId } = request.params;
      const { knownAt: askedKnownAt, indicators: ids, attribute = "sector" } = request.query;
      if (!(await writer.head(id))) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
      const round = await surveys.log.round(id, roundId, askedKnownAt);
      if (!round) {
        const when = askedKnownAt === undefined ? "" : ` as known at ${askedKnownAt}`;
        throw new HttpProblem(404, "round_not_found", `no survey round '${roundId}' in '${id}'${when}`);
      }
      const layers = layersAsked(round, request.query.layers);
      const view = await reader.view(id, askedKnownAt === undefined ? {} : { knownAt: askedKnownAt });
      const knownAt = view.graphQuery.knownAt;
      // Members' attributes as they were when the round's answers ended (or at known-at, if earlier).
      const at = Math.min(Date.parse(roundEndsAt(round)), knownAt);
      const responses = surveyResponsesOf(round);
      const attributes = rosterAttributesAt(view.history, responses.roster, at, knownAt);
      const options: IndicatorOptions = {
        attribute,
        seed: request.query.seed ?? DEFAULT_SEED,
        permutations: request.query.permutations ?? DEFAULT_PERMUTATIONS,
      };
      let result: ReturnType<typeof reportedIndicators>;
      try {
        result = reportedIndicators(responses, attributes, { layers, at, knownAt }, options, ids);
      } catch (error) {
        if (!(error instanceof NotOnReportedLayersError)) throw error;
        throw new HttpProblem(400, "validation", error.message, [
          { in: "querystring", pointer: "/indicators", message: error.message },
        ]);
      }
      const audience = audienceOf(request);
      const about = {
        communityId: id,
        roundId,
        layers: [...result.layers],
        at: new Date(at).toISOString(),
        knownAt: new Date(knownAt).toISOString(),
        attribute,
        seed: options.seed,
        permutations: options.permutations,
        roster: result.rostered,
        respondents: result.respondents,
        responseRate: result.responseRate,
        reciprocityOver: "dyads in which both answered" as const,
        audience,
      };
      if (audience === "aggregates") {
        const minGroupSize = minGroupSizeFor(request)!;
        const suppressed = result.respondents < minGroupSize;
        const membersOf = (memberIds: readonly string[]) =>
          memberIds.map((memberId) => attributes.get(memberId) ?? ({} as MemberAttributes));
        const sizes = {
          "members asked": groupSizesOfMembers(membersOf(responses.roster), attribute),
          "dyads in which both answered": groupSizesOfMembers(membersOf(responses.respondents), attribute),
        };
        // Fewer answers than the minimum: every value would be a figure of those few people's answers.
        const noOne = { community: 0, byGroup: new Map<string, number>() };
        const indicators: Record<string, unknown> = {};
        for (const [indicatorId, value] of Object.entries(result.values)) {
          const { over, ...rest } = value;
          const shown = aggregateValue(rest, suppressed ? noOne : sizes[over], minGroupSize);
          indicators[indicatorId] = { ...shown, over };
        }
        const counts = suppressed ? { roster: null, respondents: null, responseRate: null } : {};
        return { ...about, ...counts, ...(suppressed && { suppressed: true }), indicators } as SurveyIndicatorsResponse;
      }
      const body = { ...about, indicators: result.values as Record<string, ReportedIndicatorValue> };
      if (audience === "pseudonyms") return pseudonymousViewFor(request, view.history)!.apply(body);
      return body;
    },
  );
};

/** The reported layers asked, each one the round asks about; default all of them. */
function layersAsked(round: SurveyRound, asked: readonly string[] | undefined): string[] {
  const ofRound = round.questions.flatMap((questionId) => {
    const question = surveyQuestionById.get(questionId);
    return question?.kind === "name-generator" ? [question.layer] : [];
  });
  if (asked === undefined) return [...new Set(ofRound)];
  for (const layer of asked) {
    if (!ofRound.includes(layer)) {
      const message = `round '${round.roundId}' asks no question of the layer ${layer}; its reported layers: ${ofRound.join(", ") || "none"}`;
      throw new HttpProblem(400, "validation", message, [{ in: "querystring", pointer: "/layers", message }]);
    }
  }
  return [...new Set(asked)];
}
