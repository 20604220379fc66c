import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { RateLimit } from "../http/http-settings.js";
import { HttpProblem } from "../http/problem.js";
import { LOCAL_DEVELOPER } from "./roles.js";

/** Probes of load balancers and orchestrators are never limited. */
const unlimitedPaths = new Set(["/healthz", "/readyz"]);

/**
 * The caller a limit applies to: the key that authenticated the request (however its header was
 * spelled), else the address: requests without a valid key, refused ones included, share its budget.
 * Runs after authentication and before authorisation, so 401 and 403 answers are counted too.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const caller = request.caller;
  if (caller && caller !== LOCAL_DEVELOPER) return `key:${caller.keyId}`;
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
