import type { FastifyContextConfig, FastifyRequest } from "fastify";

/** The access rules routes declare most, by what they do with the community named in `:id`. */
export const routeAccess = {
  /** Record into the community. */
  write: { access: { need: "write", community: "params.id" } },
  /** Member-level data: names for facilitators, pseudonyms for researchers, nothing for agencies. */
  members: { access: { need: "members", community: "params.id" } },
  /** Community-level figures (agencies see them with small groups withheld). */
  aggregate: { access: { need: "aggregate", community: "params.id" } },
  /** Any valid key. */
  signedIn: { access: { need: "signed-in" } },
} as const satisfies Record<string, FastifyContextConfig>;

/** True when the request asks for a file (`?format=` other than json): such downloads are exports. */
export const asksForFile = (request: FastifyRequest) => {
  const format = (request.query as { format?: unknown } | undefined)?.format;
  return typeof format === "string" && format !== "json";
};
