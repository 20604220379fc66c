import type { FastifyInstance } from "fastify";

/** The API and its description: answers that may carry names and relationships. */
const DATA_PATHS = /^\/(v1|docs\/json|docs\/yaml)(\/|\?|$)/;

/**
 * `Cache-Control: no-store` on every API answer, refusals included, so no browser or proxy keeps a
 * copy of names on disk. A route may set its own. The web app's files hold no data and keep theirs.
 */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook("onRequest", (request, reply, done) => {
    if (DATA_PATHS.test(request.url)) reply.header("cache-control", "no-store");
    done();
  });
}
