import type { AnalyticsBudget, CommunityReader } from "@copgraph/community";
import type { FastifyInstance } from "fastify";
import { HttpProblem } from "../http/problem.js";
import { rateLimitKey } from "./rate-limit.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route computes indicators: it counts against its caller's cap and gets a time budget. */
    heavy?: true;
  }
  interface FastifyRequest {
    /** A heavy route's time budget: it aborts when spent or when the client goes away. */
    analytics?: AnalyticsBudget;
  }
}

/**
 * Routes marked `heavy` compute indicators: a caller (its key, or its address without one) may
 * have at most `perKey` of them running at once, past it 429 with Retry-After (like the rate
 * limit and the stream cap: it is the caller's own load, not the server's trouble). Each gets the
 * reader's time budget, tied to the client's connection, as `request.analytics`.
 */
export function limitHeavyRequests(app: FastifyInstance, reader: CommunityReader, perKey: number): void {
  const running = new Map<string, number>();
  app.decorateRequest("analytics", undefined);
  // After authentication and authorisation (their hooks were added first): refused requests count nothing.
  app.addHook("preHandler", async (request, reply) => {
    if (!request.routeOptions.config.heavy) return;
    const caller = rateLimitKey(request);
    const count = running.get(caller) ?? 0;
    if (count >= perKey) {
      reply.header("retry-after", "1");
      throw new HttpProblem(
        429,
        "too_many_heavy_requests",
        `this key already has ${perKey} requests computing indicators; wait for one to finish (COPGRAPH_HEAVY_REQUESTS_PER_KEY)`,
      );
    }
    running.set(caller, count + 1);
    const clientGone = new AbortController();
    const budget = reader.budget(clientGone.signal);
    request.analytics = budget;
    // Answered, or abandoned by the client (closed before the answer was sent): either way the
    // place is free and the budget stops counting; an abandoned computation is stopped.
    reply.raw.once("close", () => {
      if (!reply.raw.writableFinished) clientGone.abort();
      budget.release();
      const left = (running.get(caller) ?? 1) - 1;
      if (left > 0) running.set(caller, left);
      else running.delete(caller);
    });
  });
}
