import { type FieldError, type Problem, problemType } from "@copgraph/contract";
import type { FastifyReply } from "fastify";

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

const titles: Record<number, string> = {
  400: "Invalid request",
  401: "Not authenticated",
  403: "Forbidden",
  404: "Not found",
  406: "Not acceptable",
  409: "Conflict",
  412: "Precondition failed",
  413: "Request body too large",
  415: "Unsupported media type",
  422: "Request cannot be applied",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

/** An error that the central handler turns into problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

export function problemBody(
  status: number,
  code: string,
  detail: string,
  instance: string,
  errors?: FieldError[],
): Problem {
  return {
    type: problemType(code),
    title: titles[status] ?? "Error",
    status,
    code,
    detail,
    instance,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** `["to", 0]` → `/to/0` (RFC 6901 escaping). */
export function pointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
