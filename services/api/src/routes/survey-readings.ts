import {
  type GivenReceived,
  type MemberGroups,
  type RoundChain,
  reportedReciprocity,
  SurveyInputError,
  trustValueReadings,
} from "@copgraph/analytics";
import type { GroupSizes } from "@copgraph/community";
import {
  chainCaps,
  type IndicatorValue,
  RoundParams,
  SurveyChainQuery,
  SurveyChainResponse,
  SurveyReadingsQuery,
  SurveyReadingsResponse,
} from "@copgraph/contract";
import { roundEndsAt, type SurveyRound, surveyQuestionById, surveyResponsesOf } from "@copgraph/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { aggregateValue, OTHER_GROUPS } from "../access/aggregate-view.js";
import { minGroupSizeFor, pseudonymousViewFor } from "../access/audience.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { roundStatus } from "../surveys/round-view.js";
import type { Surveys } from "../surveys/surveys.js";
import { problemResponses, type RouteContext } from "./context.js";
import { memberEntries } from "./member-list.js";

export interface SurveyReadingRoutesOptions extends RouteContext {
  readonly surveys: Surveys;
}

const DEFAULT_SEED = 1;
const GROUP_ATTRIBUTES = ["sector", "occupationalLayer"];

type Audience = SurveyReadingsResponse["audience"];
type TrustValue = NonNullable<SurveyReadingsResponse["trustValue"]>;

/** Who sees what of a round's readings (issue 17, item 7; ADR 0020): names, pseudonyms or aggregates. */
function audienceOf(request: FastifyRequest): Audience {
  const role = request.caller?.role;
  if (role === "researcher") return "pseudonyms";
  if (role === "agency") return "aggregates";
  return "names";
}

// A round's readings, for everyone granted its community: facilitators and admins by member id and
// name, researchers by pseudonym, agencies as network and group figures with small groups withheld.
// No reading holds a single rating (who rated whom how): only means over a member's or group's
// ratings; respondents (link tokens, no key) never reach these routes.
export const surveyReadingRoutes: FastifyPluginAsyncZod<SurveyReadingRoutesOptions> = async (
  app,
  { writer, reader, personal, surveys },
) => {
  /** The round as known at `knownAt` (404 when it was not known then), and the community's view then. */
  const roundAsKnown = async (id: string, roundId: string, knownAt: string | undefined) => {
    if (!(await writer.head(id))) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
    const round = await surveys.log.round(id, roundId, knownAt);
    if (!round) {
      const when = knownAt === undefined ? "" : ` as known at ${knownAt}`;
      throw new HttpProblem(404, "round_not_found", `no survey round '${roundId}' in '${id}'${when}`);
    }
    const view = await reader.view(id, knownAt === undefined ? {} : { knownAt });
    return { round, view };
  };

  /** What every answer states: the round, the window of its answers, known-at and the response rate. */
  const about = (request: FastifyRequest, round: SurveyRound, knownAt: string, rate: ResponseCounts) => {
    const audience = audienceOf(request);
    const suppressed = audience === "aggregates" && rate.respondents < minGroupSizeFor(request)!;
    return {
      communityId: round.communityId,
      roundId: round.roundId,
      // As known at `knownAt`, like the window: a round closed since still read as open then.
      status: roundStatus(round, knownAt),
      window: { from: round.opensAt, to: roundEndsAt(round) },
      knownAt,
      responseRate: suppressed
        ? { rostered: null, respondents: null, value: null }
        : { rostered: rate.rostered, respondents: rate.respondents, value: rate.value },
      audience,
      ...(suppressed && { suppressed: true }),
    };
  };

  app.get(
    "/v1/communities/:id/surveys/:roundId/readings",
    {
      // Trust received by member is member-level: recorded like a member view, except an agency's aggregates.
      config: {
        ...routeAccess.aggregate,
        audit: { action: "read", when: (request) => audienceOf(request) !== "aggregates" },
      },
      schema: {
        tags: ["survey readings"],
        summary:
          "A round's trust and value readings (given and received by member and group, across versus within groups, mutual trust, network scores) and reciprocity per reported layer over dyads in which both answered, with the response rate, the window and known-at",
        params: RoundParams,
        querystring: SurveyReadingsQuery,
        response: { 200: SurveyReadingsResponse, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => {
      const { id, roundId } = request.params;
      const { round, view } = await roundAsKnown(id, roundId, request.query.knownAt);
      const knownAt = new Date(view.graphQuery.knownAt).toISOString();
      const responses = surveyResponsesOf(round);
      const attribute = request.query.attribute ?? "sector";
      const groupAttributes = [...new Set([...GROUP_ATTRIBUTES, attribute])];
      // Groups as they were when the round's answers ended (or at known-at, if earlier).
      const at = Math.min(Date.parse(roundEndsAt(round)), view.graphQuery.knownAt);
      const members = memberEntries(view.history, { ...view.graphQuery, at });
      const groups: MemberGroups = new Map(members.map((member) => [member.id, member.attributes]));
      const readings = trustValueReadings(responses, groups, { attribute, groupAttributes });
      const reciprocity = reportedLayers(round).map(({ layer, question }) => ({
        ...reportedReciprocity(responses, { layer }),
        question,
      }));
      const rate = { rostered: readings.rostered, respondents: readings.respondents, value: readings.responseRate };
      const heading = about(request, round, knownAt, rate);
      if (heading.suppressed) return { ...heading, trustValue: null, reciprocity: null };
      const { byMember, rostered: _r, respondents: _s, responseRate: _v, ...network } = readings;
      const audience = heading.audience;
      if (audience === "aggregates") {
        const sizes = respondentGroupSizes(responses.respondents, groups, groupAttributes);
        const { byGroup, suppressedGroups } = groupsForAgency(network.byGroup, sizes, minGroupSizeFor(request)!);
        const trustValue: TrustValue = {
          ...network,
          byGroup,
          ...(Object.keys(suppressedGroups).length > 0 && { suppressedGroups }),
        };
        return { ...heading, trustValue, reciprocity };
      }
      if (audience === "pseudonyms") {
        const pseudonyms = pseudonymousViewFor(request, view.history)!;
        return pseudonyms.apply({ ...heading, trustValue: { ...network, byMember }, reciprocity });
      }
      const named: Record<string, GivenReceived & { displayName?: string }> = {};
      for (const [memberId, reading] of Object.entries(byMember)) {
        const name = personal.profileOf(id, memberId).displayName;
        named[memberId] = { ...reading, ...(typeof name === "string" && { displayName: name }) };
      }
      return { ...heading, trustValue: { ...network, byMember: named }, reciprocity };
    },
  );

  app.get(
    "/v1/communities/:id/surveys/:roundId/chain",
    {
      // Counted against the caller's heavy requests; computed in an analytics thread, its work capped.
      config: { ...routeAccess.aggregate, heavy: true },
      schema: {
        tags: ["survey readings"],
        summary:
          "The chain, tested over a round's respondents: QAP correlations of recorded role reversal, recorded reciprocity (the 12 months before the round opened) and mutual reported trust, and the MRQAP regression of trust on the two, with the response rate, the windows and known-at",
        params: RoundParams,
        querystring: SurveyChainQuery,
        response: { 200: SurveyChainResponse, ...problemResponses(400, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const { id, roundId } = request.params;
      const { round, view } = await roundAsKnown(id, roundId, request.query.knownAt);
      const knownAt = new Date(view.graphQuery.knownAt).toISOString();
      const responses = surveyResponsesOf(round);
      const respondents = responses.respondents.length;
      const cells = respondents * (respondents - 1);
      const permutations = request.query.permutations ?? defaultPermutations(cells);
      if (cells * permutations > chainCaps.pairPermutations) {
        const limit = chainCaps.pairPermutations.toLocaleString("en");
        throw new HttpProblem(
          400,
          "validation",
          `${respondents} respondents make ${cells} ordered pairs; × ${permutations} permutations is more than ${limit}: use at most ${Math.floor(chainCaps.pairPermutations / cells)} permutations`,
          [{ in: "querystring", pointer: "/permutations", message: `ordered pairs × permutations more than ${limit}` }],
        );
      }
      const counts = { rostered: responses.roster.length, respondents };
      const heading = about(request, round, knownAt, { ...counts, value: rateOf(counts) });
      if (heading.suppressed) return { ...heading, chain: null };
      const seed = request.query.seed ?? DEFAULT_SEED;
      let tested: RoundChain;
      try {
        // In an analytics thread, within the request's time budget: the permutations are the heavy part.
        const ask = {
          responses,
          openedAt: Date.parse(round.opensAt),
          knownAt: view.graphQuery.knownAt,
          seed,
          permutations,
        };
        tested = await reader.chainInWorker(view, ask, request.analytics);
      } catch (error) {
        if (error instanceof SurveyInputError) throw new HttpProblem(400, "validation", error.message);
        throw error;
      }
      const { window, respondents: _s, rostered: _r, responseRate: _v, ...test } = tested;
      const recordedWindow = { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() };
      const regression = { ...test.regression, coefficients: [...test.regression.coefficients] };
      return { ...heading, chain: { ...test, regression, seed, recordedWindow } };
    },
  );
};

interface ResponseCounts {
  readonly rostered: number;
  readonly respondents: number;
  readonly value: number | null;
}

/** respondents / rostered, null for an empty roster (the domain's rate says 0 there). */
const rateOf = (counts: { rostered: number; respondents: number }) =>
  counts.rostered === 0 ? null : counts.respondents / counts.rostered;

/** The default permutations, fewer when many respondents would pass the work cap. */
function defaultPermutations(cells: number): number {
  if (cells === 0) return chainCaps.defaultPermutations;
  return Math.min(chainCaps.defaultPermutations, Math.floor(chainCaps.pairPermutations / cells));
}

/** The reported layers the round's name generators form, in the round's order. */
function reportedLayers(round: SurveyRound): { layer: string; question: string }[] {
  return round.questions.flatMap((questionId) => {
    const question = surveyQuestionById.get(questionId);
    return question?.kind === "name-generator" ? [{ layer: question.layer, question: question.id }] : [];
  });
}

/**
 * Agencies' group sizes count respondents: a group's means are over the answers of its members
 * who answered (given) and about its members (received), so a group is shown only when at least
 * the minimum of its members answered.
 */
function respondentGroupSizes(
  respondents: readonly string[],
  groups: MemberGroups,
  attributes: readonly string[],
): Map<string, GroupSizes> {
  return new Map(
    attributes.map((name) => {
      const byGroup = new Map<string, number>();
      for (const memberId of respondents) {
        const group = groups.get(memberId)?.[name];
        if (group !== undefined) byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
      }
      return [name, { community: respondents.length, byGroup }];
    }),
  );
}

/** Each attribute's groups as an agency sees them, by the same rule as its indicators' groups. */
function groupsForAgency(
  byGroup: TrustValue["byGroup"],
  sizes: ReadonlyMap<string, GroupSizes>,
  minGroupSize: number,
): { byGroup: TrustValue["byGroup"]; suppressedGroups: Record<string, string[]> } {
  const shownByGroup: Record<string, Record<string, GivenReceived | null>> = {};
  const suppressedGroups: Record<string, string[]> = {};
  for (const [name, perGroup] of Object.entries(byGroup)) {
    // The indicators' rule decides which groups are shown: a stand-in value per group.
    const standIn: IndicatorValue = {
      value: null,
      version: 1,
      byGroup: Object.fromEntries(Object.keys(perGroup).map((group) => [group, 0])),
    };
    const seen = aggregateValue(standIn, sizes.get(name)!, minGroupSize);
    const shown: Record<string, GivenReceived | null> = {};
    for (const [group, value] of Object.entries(seen.byGroup ?? {})) {
      shown[group] = value === null || group === OTHER_GROUPS ? null : (perGroup[group] ?? null);
    }
    shownByGroup[name] = shown;
    if (seen.suppressedGroups) suppressedGroups[name] = seen.suppressedGroups;
  }
  return { byGroup: shownByGroup, suppressedGroups };
}
