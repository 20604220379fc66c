import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditActions } from "../access/access-rule.js";
import type { AuditLog } from "../access/audit-log.js";
import { problemResponses } from "./context.js";

const AuditQuery = z.object({
  before: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: "Entries older than this revision (the `next` of the previous page)" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const AuditPage = z
  .object({
    entries: z.array(
      z.object({
        revision: z.number().int(),
        recordedAt: z.string(),
        keyId: z.string(),
        role: z.string(),
        action: z.enum(auditActions),
        method: z.string(),
        route: z.string(),
        url: z.string(),
        communityId: z.string().nullable(),
        status: z.number().int(),
        requestId: z.string(),
      }),
    ),
    next: z
      .number()
      .int()
      .nullable()
      .meta({ description: "`before` of the next, older page; null at the first entry" }),
  })
  .meta({ id: "AuditPage" });

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditLog }> = async (app, { audit }) => {
  app.get(
    "/v1/audit",
    {
      config: { access: { need: "admin" } },
      schema: {
        tags: ["access"],
        summary: "Who read, exported or erased what, and when (newest first)",
        querystring: AuditQuery,
        response: { 200: AuditPage, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => audit.page(request.query.before, request.query.limit),
  );
};
