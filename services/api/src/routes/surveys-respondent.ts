import { RespondentRound, SURVEY_TOKEN_HEADER, SurveyAnswerRequest } from "@copgraph/contract";
import { roundEndsAt, type SurveyRound, surveyConsent, surveyQuestionById, takesAnswersAt } from "@copgraph/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem } from "../http/problem.js";
import type { SurveyLink } from "../surveys/survey-links.js";
import { decided } from "../surveys/survey-problems.js";
import type { Surveys } from "../surveys/surveys.js";
import { problemResponses, type RouteContext } from "./context.js";

export interface RespondentRoutesOptions extends RouteContext {
  readonly surveys: Surveys;
}

/** The link token is the respondent's only credential; no API key, no account. */
const respondent = {
  access: {
    public: `a survey respondent's personal link: the token in the ${SURVEY_TOKEN_HEADER} header opens only their own answer`,
  },
} as const;

const TokenHeaders = z.object({
  [SURVEY_TOKEN_HEADER]: z.string().max(200).optional().meta({ description: "The token of the respondent's link" }),
});

/** One answer for every token that opens nothing: unknown, reissued, of a closed round, or guessed. */
const NO_SUCH_LINK = () =>
  new HttpProblem(404, "survey_link_not_found", "this survey link is not valid: ask the facilitator for a new one");

const AnswerSaved = z.object({ answeredAt: z.string() });

export const respondentRoutes: FastifyPluginAsyncZod<RespondentRoutesOptions> = async (
  app,
  { writer, personal, now, surveys },
) => {
  const { log, links, respondentLimit } = surveys;

  // Counted before anything else: a guesser gets 429 long before a token could be found.
  app.addHook("onRequest", async (request, reply) => {
    reply.header("referrer-policy", "no-referrer");
    const wait = respondentLimit.admit(request.ip);
    if (wait !== undefined) {
      reply.header("retry-after", String(wait));
      throw new HttpProblem(429, "rate_limited", `too many survey requests from this address; retry after ${wait} s`);
    }
  });

  /** The respondent's link and round, while the round still takes its links; else the one 404. */
  const opened = async (request: FastifyRequest): Promise<{ link: SurveyLink; round: SurveyRound }> => {
    const token = request.headers[SURVEY_TOKEN_HEADER];
    const link = typeof token === "string" && token.length > 0 ? links.find(token) : undefined;
    const round = link && (await log.round(link.communityId, link.roundId));
    // An erased member's link opens nothing: their answer stays as anonymous ties, no one answers for them.
    const erased = link && (await writer.current(link.communityId)).state.members.get(link.memberId)?.erased;
    if (!link || !round || erased || Date.parse(now()) >= Date.parse(roundEndsAt(round)) || round.closedAt !== null) {
      respondentLimit.miss(request.ip);
      throw NO_SUCH_LINK();
    }
    return { link, round };
  };
  const nameOf = (communityId: string, memberId: string) => {
    const name = personal.profileOf(communityId, memberId).displayName;
    return typeof name === "string" ? { displayName: name } : {};
  };
  const recordedBy = (link: SurveyLink) => `survey-link:${link.memberId}`;

  app.get(
    "/v1/survey",
    {
      config: respondent,
      schema: {
        tags: ["surveys"],
        summary:
          "What a respondent's link shows: the round's questions, the names of the others on the roster, and their own answer",
        headers: TokenHeaders,
        response: { 200: RespondentRound, ...problemResponses(404, 429) },
      },
    },
    async (request) => {
      const { link, round } = await opened(request);
      const own = round.answers.get(link.memberId);
      return {
        title: round.title,
        opensAt: round.opensAt,
        closesAt: round.closesAt,
        takesAnswers: takesAnswersAt(round, now()),
        consent: surveyConsent,
        respondent: { memberId: link.memberId, ...nameOf(link.communityId, link.memberId) },
        questions: round.questions.flatMap((id) => {
          const question = surveyQuestionById.get(id);
          if (!question) return [];
          return [question.kind === "rating" ? { ...question, dimensions: [...question.dimensions] } : question];
        }),
        roster: round.roster
          .filter((memberId) => memberId !== link.memberId)
          .map((memberId) => ({ memberId, ...nameOf(link.communityId, memberId) })),
        answer: own?.body ?? null,
        answeredAt: own?.answeredAt ?? null,
      };
    },
  );

  app.put(
    "/v1/survey/answer",
    {
      config: respondent,
      schema: {
        tags: ["surveys"],
        summary: "Save the respondent's answer; saving again replaces it, until the round closes",
        headers: TokenHeaders,
        body: SurveyAnswerRequest,
        response: { 200: AnswerSaved, ...problemResponses(400, 404, 409, 429, 503) },
      },
    },
    async (request) => {
      const { link } = await opened(request);
      const answeredAt = now();
      await decided(() =>
        log.append(
          link.communityId,
          {
            type: "SurveyAnswered",
            data: { roundId: link.roundId, respondent: link.memberId, ...request.body, occurredAt: answeredAt },
          },
          recordedBy(link),
          answeredAt,
        ),
      );
      return { answeredAt };
    },
  );

  app.post(
    "/v1/survey/withdraw",
    {
      config: respondent,
      schema: {
        tags: ["surveys"],
        summary:
          "Withdraw the respondent's answer: from now on it counts nowhere, and its ratings and items are deleted (the log keeps that it was given, and whom it named)",
        headers: TokenHeaders,
        response: { 204: z.null().meta({ description: "Withdrawn" }), ...problemResponses(404, 409, 429, 503) },
      },
    },
    async (request, reply) => {
      const { link } = await opened(request);
      await decided(() =>
        log.append(
          link.communityId,
          {
            type: "SurveyAnswerWithdrawn",
            data: { roundId: link.roundId, respondent: link.memberId, occurredAt: now() },
          },
          recordedBy(link),
          now(),
        ),
      );
      return reply.code(204).send(null);
    },
  );
};
