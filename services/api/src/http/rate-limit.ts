import { createHash } from "node:crypto";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { HttpProblem } from "./problem.js";

/** At most `max` requests per key in each window of `windowMs`. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** Probes of load balancers and orchestrators are never limited. */
const unlimitedPaths = new Set(["/healthz", "/readyz"]);

/**
 * The caller a limit applies to: the credential it presents (hashed, so keys never sit in memory
 * as sent), else its address. Every caller sharing a key shares its budget.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  if (authorization) return `key:${createHash("sha256").update(authorization).digest("base64url")}`;
  return `ip:${request.ip}`;
}

/** Limits every route per key; over the limit: 429 problem+json with Retry-After. Register before the routes. */
export async function registerRateLimit(app: FastifyInstance, limit: RateLimit): Promise<void> {
  await app.register(fastifyRateLimit, {
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: rateLimitKey,
    allowList: (request) => unlimitedPaths.has(request.url),
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(
        429,
        "rate_limited",
        `more than ${context.max} requests in ${context.after === "1 minute" ? "a minute" : context.after}; retry after ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });
}
