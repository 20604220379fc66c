import { CommunityParams, type FieldError, WriteResult } from "@copgraph/contract";
import { commandForEvent, DomainError } from "@copgraph/domain";
import { type CsvKind, csvKinds, csvTemplate, type LineError, parseCsvImport } from "@copgraph/interchange";
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
        response: { 200: DryRunResult, 201: WriteResult, ...problemResponses(400, 404, 409, 412, 413, 415, 422) },
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
          const line = parsed.rows[error.index] ?? 0;
          throw new HttpProblem(
            error.code === "community_not_registered" ? 404 : 422,
            error.code,
            `line ${line}: ${error.message}; nothing was stored`,
            [lineError({ line, message: error.message })],
          );
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
