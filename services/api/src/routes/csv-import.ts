import type { CommunityWriter } from "@copgraph/community";
import { CommunityParams, type FieldError, WriteResult } from "@copgraph/contract";
import { type Command, commandForEvent, DomainError, httpStatusFor } from "@copgraph/domain";
import {
  type CsvKind,
  csvKinds,
  csvTemplate,
  type LineError,
  parseCsvImport,
  refusedRows,
} from "@copgraph/interchange";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { routeAccess } from "../access/route-configs.js";
import { HttpProblem } from "../http/problem.js";
import { WriteHeaders, writeContext } from "../http/write-context.js";
import { problemResponses, type RouteContext, replyWritten } from "./context.js";

const ImportQuery = z.object({
  kind: z.enum(csvKinds).meta({ description: "What the file holds: members, interactions or gatherings" }),
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((text) => text === "true")
    .meta({ description: "Check every row and report, storing nothing" }),
});

const DryRunResult = z.object({
  communityId: z.string(),
  dryRun: z.literal(true),
  events: z.number().int(),
  rows: z.number().int(),
});

const lineError = ({ line, column, message }: LineError): FieldError => ({
  in: "body",
  pointer: `/lines/${line}${column ? `/${column}` : ""}`,
  message,
  line,
  ...(column ? { column } : {}),
});

/** How many refused rows a problem lists; the rest are counted. */
const LISTED_REFUSALS = 1_000;

/**
 * The decider refused the file: every refused row (the first LISTED_REFUSALS) with its line, or,
 * for a community not registered, that alone, once. Undefined when nothing is refused any more
 * (another writer changed the community in between): the caller rethrows.
 */
async function refusedFile(
  writer: CommunityWriter,
  communityId: string,
  kind: CsvKind,
  commands: readonly Command[],
  lines: readonly (readonly number[])[],
): Promise<HttpProblem | undefined> {
  const { refusals, count } = await writer.refusals(communityId, commands, LISTED_REFUSALS);
  const [first] = refusals;
  if (!first) return undefined;
  if (first.code === "community_not_registered") {
    return new HttpProblem(
      404,
      first.code,
      `community ${communityId} is not registered: register it first with POST /v1/communities; nothing was stored`,
    );
  }
  const codes = new Set(refusals.map((refusal) => refusal.code));
  const code = codes.size === 1 ? first.code : "invalid_rows";
  const noun = kind === "gatherings" ? ["gathering", "gatherings"] : ["row", "rows"];
  const listed = count > refusals.length ? ` (the first ${refusals.length.toLocaleString("en")} are listed)` : "";
  return new HttpProblem(
    codes.size === 1 ? httpStatusFor(first.code) : 422,
    code,
    `${count.toLocaleString("en")} ${count === 1 ? `${noun[0]} cannot` : `${noun[1]} cannot`} be stored${listed}; nothing was stored`,
    refusedRows(kind, refusals, lines).map((row, i) => ({ ...lineError(row), code: refusals[i]!.code })),
  );
}

export const csvImportRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { writer, now }) => {
  app.addContentTypeParser(["text/csv", "application/csv"], { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    "/v1/communities/:id/imports/csv",
    {
      config: { ...routeAccess.write, bulkBody: true },
      schema: {
        tags: ["imports"],
        summary: "Import a CSV file of members, interactions or gatherings (all rows or none)",
        description:
          "Send the file as the body with `Content-Type: text/csv`. Every bad row is reported with its line; nothing is stored unless every row is valid. Columns: see the templates.",
        params: CommunityParams,
        querystring: ImportQuery,
        headers: WriteHeaders,
        response: { 200: DryRunResult, 201: WriteResult, ...problemResponses(400, 404, 409, 412, 413, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { kind, dryRun } = request.query;
      if (!Buffer.isBuffer(request.body)) {
        throw new HttpProblem(
          415,
          "unsupported_media_type",
          "send the CSV file as the body with Content-Type: text/csv",
        );
      }
      const parsed = parseCsvImport(kind, new Uint8Array(request.body), { communityId: id, now: new Date(now()) });
      if (!parsed.ok) {
        const count = parsed.errors.length;
        throw new HttpProblem(
          422,
          "invalid_rows",
          `${count} problem${count === 1 ? "" : "s"} in the file; nothing was stored`,
          parsed.errors.map(lineError),
        );
      }
      const commands = parsed.events.map(commandForEvent);
      try {
        if (dryRun) {
          const events = await writer.check(id, commands);
          return reply.code(200).send({ communityId: id, dryRun: true as const, events, rows: parsed.rows.length });
        }
        return replyWritten(reply, await writer.write({ ...writeContext(request), communityId: id, commands }));
      } catch (error) {
        if (error instanceof DomainError && error.index !== undefined) {
          throw (await refusedFile(writer, id, kind, commands, parsed.lines)) ?? error;
        }
        throw error;
      }
    },
  );

  app.get(
    "/v1/imports/csv/:kind/template",
    {
      config: routeAccess.signedIn,
      schema: {
        tags: ["imports"],
        summary: "A CSV template with the columns and an example row",
        params: z.object({ kind: z.enum(csvKinds) }),
      },
    },
    async (request, reply) => {
      const kind: CsvKind = request.params.kind;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="copgraph-${kind}.csv"`)
        .send(csvTemplate(kind));
    },
  );
};
