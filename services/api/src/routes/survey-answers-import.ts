// A round's answers from another survey tool's CSV export: every respondent's rows become one
// SurveyAnswered (replacing an earlier answer, as a re-answer does). All rows or none: every row
// is checked, by the file's rules and the survey decider, before the first answer is appended.
import { RoundParams } from "@copgraph/contract";
import { type LineError, parseSurveyAnswersCsv } from "@copgraph/interchange";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { LOCAL_DEVELOPER } from "../access/roles.js";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { SurveyRefused } from "../surveys/survey-log.js";
import type { Surveys } from "../surveys/surveys.js";
import { problemResponses, type RouteContext } from "./context.js";

export interface SurveyAnswersImportOptions extends RouteContext {
  readonly surveys: Surveys;
}

const ImportQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((text) => text === "true")
    .meta({ description: "Check every row and report, storing nothing" }),
});

const ImportedAnswers = z.object({
  communityId: z.string(),
  roundId: z.string(),
  dryRun: z.boolean(),
  /** Respondents whose answer was (or, in a dry run, would be) recorded. */
  answers: z.number().int(),
  /** Of those, respondents whose earlier answer it replaces. */
  replaced: z.number().int(),
  rows: z.number().int(),
});

/** How many bad rows a problem lists; the rest are counted. */
const LISTED_ROWS = 1_000;

const lineError = ({ line, column, message }: LineError) => ({
  in: "body" as const,
  pointer: `/lines/${line}${column ? `/${column}` : ""}`,
  message,
  line,
  ...(column ? { column } : {}),
});

export const surveyAnswersImportRoutes: FastifyPluginAsyncZod<SurveyAnswersImportOptions> = async (
  app,
  { writer, now, surveys },
) => {
  app.addContentTypeParser(["text/csv", "application/csv"], { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    "/v1/communities/:id/surveys/:roundId/answers.csv",
    {
      config: { ...routeAccess.write, bulkBody: true },
      schema: {
        tags: ["surveys"],
        summary: "Import a round's answers from another survey tool's CSV export (all rows or none)",
        description:
          "Send the file as the body with `Content-Type: text/csv`: one row per respondent, member named and question (columns in docs/formats.md). " +
          "Each respondent's rows make one answer, replacing an earlier one. Every bad row is reported with its line and column; nothing is stored unless every row is valid. " +
          "Answers are dated at the import, or at their `answeredAt`, which must lie inside the round's window; a round the facilitator closed takes none.",
        params: RoundParams,
        querystring: ImportQuery,
        response: { 200: ImportedAnswers, 201: ImportedAnswers, ...problemResponses(404, 409, 413, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const { id, roundId } = request.params;
      if (!Buffer.isBuffer(request.body))
        throw new HttpProblem(
          415,
          "unsupported_media_type",
          "send the CSV file as the body with Content-Type: text/csv",
        );
      if (!(await writer.head(id))) throw new HttpProblem(404, "community_not_found", `no community '${id}'`);
      const round = await surveys.log.round(id, roundId);
      if (!round) throw new HttpProblem(404, "round_not_found", `no survey round '${roundId}' in '${id}'`);
      if (round.closedAt !== null)
        throw new HttpProblem(
          409,
          "round_closed",
          `round '${roundId}' was closed at ${round.closedAt}: it takes no more answers`,
        );

      const parsed = parseSurveyAnswersCsv(new Uint8Array(request.body), round, { now: new Date(now()) });
      if (!parsed.ok) {
        const count = parsed.errors.length;
        const listed = count > LISTED_ROWS ? ` (the first ${LISTED_ROWS.toLocaleString("en")} are listed)` : "";
        throw new HttpProblem(
          422,
          "invalid_rows",
          `${count.toLocaleString("en")} problem${count === 1 ? "" : "s"} in the file${listed}; nothing was stored`,
          parsed.errors.slice(0, LISTED_ROWS).map(lineError),
        );
      }
      const replaced = parsed.answers.filter(({ event }) => round.answers.has(event.data.respondent)).length;
      const result = { communityId: id, roundId, answers: parsed.answers.length, replaced, rows: parsed.rows };
      if (request.query.dryRun) return reply.code(200).send({ ...result, dryRun: true });

      const recordedBy = `key:${(request.caller ?? LOCAL_DEVELOPER).keyId}`;
      const events = parsed.answers.map(({ event }) => event);
      try {
        // One write: the answers all, or (the round changed since it was read) none.
        await surveys.log.appendAll(id, roundId, events, recordedBy, now());
      } catch (error) {
        // Only a change to the round since it was read (closed meanwhile) refuses an answer checked above.
        if (!(error instanceof SurveyRefused)) throw error;
        throw new HttpProblem(
          409,
          error.decision.code,
          `${error.message}; the round changed during the import: nothing was stored`,
        );
      }
      return reply.code(201).send({ ...result, dryRun: false });
    },
  );
};
