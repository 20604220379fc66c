import { createHash } from "node:crypto";
import type { WriteRequest } from "@copgraph/community";
import type { FastifyRequest } from "fastify";
import { z } from "zod";

/** Headers every write route accepts: optimistic concurrency and safe retries. */
export const WriteHeaders = z.object({
  "if-match": z
    .string()
    .regex(/^\s*(W\/)?"?\d{1,15}"?\s*$/, 'If-Match must be the community revision, e.g. "12"')
    .optional()
    .meta({ description: "The community revision the client last saw; the write fails with 412 if it changed" }),
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, "Idempotency-Key must be 1–255 visible ASCII characters")
    .optional()
    .meta({ description: "A retried write with the same key returns the first answer and stores nothing twice" }),
});

type WriteContext = Pick<
  WriteRequest,
  "expectedRevision" | "idempotencyKey" | "requestHash" | "recordedBy" | "correlationId"
>;

/** What a write takes from the HTTP request besides its commands. */
export function writeContext(request: FastifyRequest): WriteContext {
  const headers = request.headers as z.infer<typeof WriteHeaders>;
  const ifMatch = headers["if-match"];
  const key = headers["idempotency-key"];
  return {
    ...(ifMatch === undefined ? {} : { expectedRevision: BigInt(ifMatch.replace(/[^0-9]/g, "")) }),
    ...(key === undefined
      ? {}
      : {
          idempotencyKey: key,
          requestHash: createHash("sha256")
            .update(`${request.method} ${request.routeOptions.url ?? request.url}\n${request.url}\n`)
            .update(JSON.stringify(request.body ?? null))
            .digest("base64url"),
        }),
    recordedBy: "anonymous",
    correlationId: request.id,
  };
}

/** The revision as an entity tag. */
export const etag = (revision: number) => `"${revision}"`;
