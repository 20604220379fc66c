import type { CommunityHistory } from "@copgraph/analytics";
import type { FastifyRequest } from "fastify";
import { HttpProblem } from "../http/problem.js";
import { PseudonymousView } from "./pseudonymous-view.js";

/**
 * How much of a community a request may see, by its caller's role: facilitators and admins see
 * everything, researchers pseudonyms, agencies aggregates with small groups withheld.
 */

/** The researcher's view of a community (undefined for callers who see names). */
export function pseudonymousViewFor(request: FastifyRequest, history: CommunityHistory): PseudonymousView | undefined {
  const key = pseudonymKeyFor(request);
  if (key === undefined) return undefined;
  return new PseudonymousView(
    key,
    Array.from(history.members(), (member) => member.memberId),
  );
}

/** The HMAC key of the caller's pseudonyms, when the caller is a researcher. */
export function pseudonymKeyFor(request: FastifyRequest): string | undefined {
  const caller = request.caller;
  if (caller?.role !== "researcher") return undefined;
  if (!caller.pseudonymKey) throw new HttpProblem(403, "forbidden", "this researcher key has no pseudonym key");
  return caller.pseudonymKey;
}

/** The minimum group size when the caller is an agency (who sees aggregates only). */
export function minGroupSizeFor(request: FastifyRequest): number | undefined {
  return request.caller?.role === "agency" ? request.server.accessMode.minGroupSize : undefined;
}

/** Whether the caller may read free text about a community (its description): not researchers nor agencies. */
export function readsFreeText(request: FastifyRequest): boolean {
  const role = request.caller?.role;
  return role === "admin" || role === "facilitator";
}
