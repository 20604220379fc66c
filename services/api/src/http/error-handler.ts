import { UnknownIndicatorError } from "@copgraph/analytics";
import {
  AnalyticsBudgetExceeded,
  AnalyticsBusy,
  AnalyticsCancelled,
  CommunityNotFound,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
  ReadModelBehind,
  UnknownIndicator,
} from "@copgraph/community";
import type { FieldError } from "@copgraph/contract";
import { DomainError, httpStatusFor, issueSentence } from "@copgraph/domain";
import { IdempotencyConflictError, WrongExpectedVersionError } from "@copgraph/event-store";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { bodyTooLarge } from "./body-limits.js";
import { RetryLater } from "./deadline.js";
import { HttpProblem, pointer, problemBody, sendProblem } from "./problem.js";

type ValidationPart = FieldError["in"];
const validationParts = new Set<string>(["body", "querystring", "params", "headers"]);

/** One place that turns every error into problem+json; 5xx details stay in the log. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemBody(404, "route_not_found", `no route ${request.method} ${request.url}`, request.url)),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const instance = request.url;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = (
        validationParts.has(error.validationContext ?? "") ? error.validationContext : "body"
      ) as ValidationPart;
      const errors: FieldError[] = error.validation.map((issue) => ({
        in: part,
        pointer: issue.instancePath === "/" ? "" : issue.instancePath,
        // In words for people; the pointer (and code) are for programs.
        message: issueSentence({ ...issue.params, code: issue.keyword, message: issue.message || "Invalid input" }),
        ...(typeof issue.params?.code === "string" ? { code: issue.params.code } : {}),
      }));
      const fields = errors.map((e) => `${part}${e.pointer || ""}: ${e.message}`).join("; ");
      return sendProblem(reply, problemBody(400, "validation", fields, instance, errors));
    }
    const problem = error.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? bodyTooLarge(request) : toProblem(error);
    if (problem instanceof RetryLater) reply.header("retry-after", String(problem.retryAfterSeconds));
    if (problem)
      return sendProblem(reply, problemBody(problem.status, problem.code, problem.message, instance, problem.errors));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = (error.code ?? "bad_request").toLowerCase();
      return sendProblem(reply, problemBody(status, code, error.message, instance));
    }
    request.log.error({ err: error }, "request failed");
    return sendProblem(reply, problemBody(500, "internal", "the server failed; the error is logged", instance));
  });
}

function toProblem(error: unknown): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DomainError) return domainProblem(error, "");
  if (error instanceof CommunityNotFound) return new HttpProblem(404, "community_not_found", error.message);
  if (error instanceof UnknownIndicator || error instanceof UnknownIndicatorError) {
    return new HttpProblem(400, "unknown_indicator", error.message);
  }
  if (error instanceof ReadModelBehind)
    return new RetryLater("read_model_behind", error.message, error.retryAfterSeconds);
  if (error instanceof AnalyticsBudgetExceeded)
    return new RetryLater("analytics_budget_exceeded", error.message, error.retryAfterSeconds);
  if (error instanceof AnalyticsBusy) return new RetryLater("analytics_busy", error.message, error.retryAfterSeconds);
  // Nobody reads this answer: the client is gone. It is not the server's failure either.
  if (error instanceof AnalyticsCancelled) return new RetryLater("cancelled", error.message, 1);
  if (error instanceof PreconditionFailedError) {
    return new HttpProblem(412, "revision_mismatch", `${error.message}; read the community again and retry`);
  }
  if (error instanceof IdempotencyKeyReusedError) return new HttpProblem(422, "idempotency_key_reused", error.message);
  if (error instanceof IdempotencyConflictError) {
    return new HttpProblem(409, "event_id_conflict", `event id ${error.eventId} was stored before with other content`);
  }
  if (error instanceof WrongExpectedVersionError) {
    return new HttpProblem(409, "concurrent_write", "another write changed the community at the same time; retry");
  }
  // SQLite waited its busy timeout for a lock another connection held.
  if (String((error as { code?: unknown }).code).startsWith("SQLITE_BUSY")) {
    return new RetryLater("storage_busy", "the data files are busy with another writer; retry shortly", 1);
  }
  return undefined;
}

/** A decider rule broken; `prefix` locates the command's data in the body (e.g. `/events/3/data`). */
export function domainProblem(error: DomainError, prefix: string): HttpProblem {
  const errors: FieldError[] = [
    { in: "body", pointer: `${prefix}${pointer(error.path ?? [])}`, message: error.message, code: error.code },
  ];
  return new HttpProblem(httpStatusFor(error.code), error.code, error.message, errors);
}
