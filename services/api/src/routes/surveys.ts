import { randomUUID } from "node:crypto";
import {
  CommunityParams,
  IssuedLinks,
  OpenRoundRequest,
  RoundList,
  RoundMemberParams,
  RoundParams,
  RoundTracking,
  RoundView,
} from "@copgraph/contract";
import { defaultSurveyQuestionIds, SURVEY_CATALOGUE_VERSION, type SurveyRound } from "@copgraph/domain";
import { writeCsv } from "@copgraph/interchange";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { LOCAL_DEVELOPER } from "../access/roles.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { roundStatus, roundView } from "../surveys/round-view.js";
import { decided } from "../surveys/survey-problems.js";
import { type RosterProfile, surveyTracking } from "../surveys/survey-tracking.js";
import type { Surveys } from "../surveys/surveys.js";
import { problemResponses, type RouteContext } from "./context.js";
import { memberEntries } from "./member-list.js";

export interface SurveyRoutesOptions extends RouteContext {
  readonly surveys: Surveys;
}

const LinksQuery = z.object({
  format: z.enum(["json", "csv"]).default("json").meta({ description: "csv: member id, name, link, for a mail merge" }),
  replace: z
    .enum(["true", "false"])
    .default("false")
    .meta({ description: "true: new links for everyone on the roster (every earlier link stops working)" }),
});

/** Text a spreadsheet would run as a formula gets a leading apostrophe (a name such as "=HYPERLINK(…)"). */
const spreadsheetSafe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** Names go only to those who may see them (the routes below admit no one else; this says so again). */
const mayReadNames = (request: FastifyRequest) => {
  const role = (request.caller ?? LOCAL_DEVELOPER).role;
  return role === "admin" || role === "facilitator";
};

// Rounds are the facilitator's: admins and the community's facilitators open, track and close them.
export const surveyRoutes: FastifyPluginAsyncZod<SurveyRoutesOptions> = async (
  app,
  { writer, reader, personal, now, surveys },
) => {
  const { log, links } = surveys;
  const recordedBy = (request: FastifyRequest) => `key:${(request.caller ?? LOCAL_DEVELOPER).keyId}`;
  const communityMustExist = async (id: string) => {
    if (!(await writer.head(id))) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
  };
  const roundMustExist = async (id: string, roundId: string): Promise<SurveyRound> => {
    await communityMustExist(id);
    const round = await log.round(id, roundId);
    if (!round) throw new HttpProblem(404, "round_not_found", `no survey round '${roundId}' in '${id}'`);
    return round;
  };
  const nameOf = (id: string, memberId: string) => {
    const name = personal.profileOf(id, memberId).displayName;
    return typeof name === "string" ? name : undefined;
  };
  /** Each member who joined by `at`, with status and profile then. */
  const membersAt = async (id: string, at: string) => {
    const view = await reader.view(id, {});
    return memberEntries(view.history, { ...view.graphQuery, at: Date.parse(at) });
  };

  app.post(
    "/v1/communities/:id/surveys",
    {
      config: routeAccess.write,
      schema: {
        tags: ["surveys"],
        summary:
          "Open a survey round: a title, an open and a close date, a roster (default: every member current at the open date) and questions of the catalogue (default: all)",
        params: CommunityParams,
        body: OpenRoundRequest,
        response: { 201: RoundView, ...problemResponses(400, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await communityMustExist(id);
      const body = request.body;
      const opensAt = body.opensAt ?? now();
      const members = await membersAt(id, opensAt);
      let roster = body.roster;
      if (roster) {
        const known = new Map(members.map((member) => [member.id, member.status]));
        const errors = roster.flatMap((memberId, index) => {
          const status = known.get(memberId);
          if (status === undefined || status === "erased")
            return [
              { in: "body" as const, pointer: `/roster/${index}`, message: `'${memberId}' is not a member by opensAt` },
            ];
          return [];
        });
        if (errors.length > 0)
          throw new HttpProblem(400, "invalid_round", "the roster names someone who is not a member", errors);
      } else {
        roster = members.filter((member) => member.status === "active").map((member) => member.id);
        if (roster.length === 0)
          throw new HttpProblem(400, "invalid_round", `no member of '${id}' is current at ${opensAt}: name a roster`, [
            { in: "body", pointer: "/roster", message: "is needed: no member is current at opensAt" },
          ]);
      }
      const roundId = body.roundId ?? `s${randomUUID().replaceAll("-", "").slice(0, 16)}`;
      const round = await decided(() =>
        log.append(
          id,
          {
            type: "SurveyRoundOpened",
            data: {
              roundId,
              communityId: id,
              title: body.title,
              opensAt,
              closesAt: body.closesAt,
              roster,
              questions: body.questions ?? [...defaultSurveyQuestionIds],
              catalogueVersion: SURVEY_CATALOGUE_VERSION,
              occurredAt: now(),
            },
          },
          recordedBy(request),
          now(),
        ),
      );
      reply.code(201).header("location", `/v1/communities/${id}/surveys/${roundId}`);
      return roundView(round, now(), mayReadNames(request));
    },
  );

  app.get(
    "/v1/communities/:id/surveys",
    {
      config: routeAccess.members,
      schema: {
        tags: ["surveys"],
        summary: "The community's survey rounds, oldest first, with roster size and answers so far",
        params: CommunityParams,
        response: { 200: RoundList, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await communityMustExist(id);
      const rounds = await Promise.all((await log.roundIds(id)).map((roundId) => log.round(id, roundId)));
      const withRoster = mayReadNames(request);
      return { rounds: rounds.flatMap((round) => (round ? [roundView(round, now(), withRoster)] : [])) };
    },
  );

  const issuedLinks = (request: FastifyRequest, id: string, tokens: ReadonlyMap<string, string>) => {
    const withNames = mayReadNames(request);
    return [...tokens].map(([memberId, token]) => {
      const displayName = withNames ? nameOf(id, memberId) : undefined;
      return { memberId, ...(displayName !== undefined && { displayName }), link: surveys.linkFor(token) };
    });
  };

  app.post(
    "/v1/communities/:id/surveys/:roundId/links",
    {
      // The links are credentials and come with names: a download recorded like an export.
      config: { ...routeAccess.write, audit: { action: "export" } },
      schema: {
        tags: ["surveys"],
        summary:
          "Issue personal links to the members of the roster who hold none yet (with `replace=true`: to everyone, so every earlier link stops working); " +
          "shown this once (only their hashes are kept), as JSON or, with `format=csv`, as member id, name and link for a mail merge",
        params: RoundParams,
        querystring: LinksQuery,
        response: { 200: IssuedLinks, ...problemResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const { id, roundId } = request.params;
      const round = await roundMustExist(id, roundId);
      if (roundStatus(round, now()) === "closed")
        throw new HttpProblem(409, "round_closed", `round '${roundId}' has closed: its links work no more`);
      const replace = request.query.replace === "true";
      const members = round.roster.filter((memberId) => replace || !links.has(id, roundId, memberId));
      const issued = issuedLinks(request, id, links.issue(id, roundId, members, now()));
      if (request.query.format === "json") return { links: issued };
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${id}-${roundId}-links.csv"`)
        .send(
          writeCsv([
            ["memberId", "displayName", "link"],
            ...issued.map((row) => [row.memberId, spreadsheetSafe(row.displayName ?? ""), row.link]),
          ]) as never,
        );
    },
  );

  app.post(
    "/v1/communities/:id/surveys/:roundId/links/:memberId",
    {
      config: { ...routeAccess.write, audit: { action: "export" } },
      schema: {
        tags: ["surveys"],
        summary: "Reissue one member's link: the old one stops working at once",
        params: RoundMemberParams,
        response: { 200: IssuedLinks, ...problemResponses(404, 409) },
      },
    },
    async (request) => {
      const { id, roundId, memberId } = request.params;
      const round = await roundMustExist(id, roundId);
      if (!round.roster.includes(memberId))
        throw new HttpProblem(404, "not_on_roster", `'${memberId}' is not on the roster of round '${roundId}'`);
      if (roundStatus(round, now()) === "closed")
        throw new HttpProblem(409, "round_closed", `round '${roundId}' has closed: its links work no more`);
      return { links: issuedLinks(request, id, links.issue(id, roundId, [memberId], now())) };
    },
  );

  app.get(
    "/v1/communities/:id/surveys/:roundId/tracking",
    {
      // Who has not answered, by name: a read of personal data, recorded like a member list.
      config: { ...routeAccess.write, audit: { action: "read" } },
      schema: {
        tags: ["surveys"],
        summary:
          "Response tracking: the response rate overall, by sector, by occupational layer and by question, and who has not answered",
        params: RoundParams,
        response: { 200: RoundTracking, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { id, roundId } = request.params;
      const round = await roundMustExist(id, roundId);
      const profiles = new Map<string, RosterProfile>(
        (await membersAt(id, now())).map((member) => [
          member.id,
          { sector: member.attributes.sector, occupationalLayer: member.attributes.occupationalLayer },
        ]),
      );
      const { notAnswered, ...rates } = surveyTracking(round, profiles);
      const withNames = mayReadNames(request);
      return {
        roundId,
        status: roundStatus(round, now()),
        ...rates,
        notAnswered: notAnswered.map((memberId) => {
          const displayName = withNames ? nameOf(id, memberId) : undefined;
          return { memberId, ...(displayName !== undefined && { displayName }) };
        }),
      };
    },
  );

  app.post(
    "/v1/communities/:id/surveys/:roundId/close",
    {
      config: routeAccess.write,
      schema: {
        tags: ["surveys"],
        summary: "Close the round now: it takes no more answers and every link stops working",
        params: RoundParams,
        response: { 200: RoundView, ...problemResponses(404, 409, 503) },
      },
    },
    async (request) => {
      const { id, roundId } = request.params;
      await roundMustExist(id, roundId);
      const round = await decided(() =>
        log.append(id, { type: "SurveyRoundClosed", data: { roundId, occurredAt: now() } }, recordedBy(request), now()),
      );
      links.revokeRound(id, roundId);
      return roundView(round, now(), mayReadNames(request));
    },
  );
};
