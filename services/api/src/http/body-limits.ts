import type { FastifyInstance, FastifyRequest } from "fastify";
import { HttpProblem } from "./problem.js";

/** The largest request body, in bytes, that a route reads. */
export interface BodyLimits {
  /** Single records: a member, an interaction, a gathering. */
  readonly plain: number;
  /** Whole histories: the event batch and CSV imports. */
  readonly bulk: number;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route takes whole histories and reads bodies up to the bulk limit. */
    bulkBody?: boolean;
  }
}

/**
 * Gives routes marked `config: { bulkBody: true }` the bulk limit; every other route reads at most
 * the plain limit (the app's bodyLimit). Register before the routes.
 */
export function applyBodyLimits(app: FastifyInstance, limits: BodyLimits): void {
  app.addHook("onRoute", (route) => {
    route.bodyLimit = route.config?.bulkBody ? limits.bulk : limits.plain;
  });
}

/** The 413 answer: what the route's limit is, and where larger data goes. */
export function bodyTooLarge(request: FastifyRequest): HttpProblem {
  const limit = request.routeOptions.bodyLimit;
  const size = limit === undefined ? "this route's limit" : formatBytes(limit);
  const detail = request.routeOptions.config?.bulkBody
    ? `the body is larger than ${size}; split the import into several requests`
    : `the body is larger than ${size}; send whole histories to POST /v1/communities/{id}/events or a CSV import`;
  return new HttpProblem(413, "body_too_large", detail);
}

function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
