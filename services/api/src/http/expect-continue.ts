import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest, preParsingHookHandler } from "fastify";
import { bodyTooLarge } from "./body-limits.js";

/** Requests whose client waits for `100 Continue` before it sends the body. */
const awaitingContinue = new WeakSet<IncomingMessage>();

/**
 * Answers `Expect: 100-continue` once the route is known: a body declared larger than the route's
 * limit gets 413 at once, so the client never sends it; otherwise `100 Continue`. Decided after
 * authentication and authorisation, so a refused request is refused before its body comes too.
 */
export function continueOnlyWithinBodyLimit(app: FastifyInstance): void {
  // With a listener of its own, Node leaves the interim answer to us instead of sending it at once.
  app.server.on("checkContinue", (request: IncomingMessage, response) => {
    awaitingContinue.add(request);
    app.server.emit("request", request, response);
  });
  // A route's own hook runs after the app's (authorisation among them), just before the body is read.
  app.addHook("onRoute", (route) => {
    const hooks = route.preParsing === undefined ? [] : [route.preParsing].flat();
    route.preParsing = [...hooks, answerExpectContinue];
  });
}

async function answerExpectContinue(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!awaitingContinue.delete(request.raw)) return;
  const limit = request.routeOptions.bodyLimit;
  if (limit !== undefined && Number(request.headers["content-length"]) > limit) throw bodyTooLarge(request);
  reply.raw.writeContinue();
}

// The hook's type, checked here rather than at the registration above, where its arity is lost.
answerExpectContinue satisfies preParsingHookHandler;
