import fastifyCors from "@fastify/cors";
import type { FastifyInstance } from "fastify";

/**
 * Lets web pages on the given origins call the API (`*`: any origin). Without origins only the
 * app's own pages may, as browsers allow by default. Credentials travel as a bearer key, never
 * as cookies, so responses never allow credentials.
 */
export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  await app.register(fastifyCors, {
    origin: origins.includes("*") ? "*" : [...origins],
    methods: ["GET", "HEAD", "POST", "PATCH", "DELETE"],
    allowedHeaders: ["authorization", "content-type", "if-match", "idempotency-key", "x-request-id", "accept"],
    exposedHeaders: [
      "etag",
      "location",
      "retry-after",
      "x-request-id",
      "x-ratelimit-limit",
      "x-ratelimit-remaining",
      "x-ratelimit-reset",
    ],
    maxAge: 600,
  });
}
