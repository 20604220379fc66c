import type { FastifyRequest } from "fastify";
import type { CommunitySource } from "./access-rule.js";

/** The communities a request names where its route says they are (raw, before validation). */
export function requestedCommunities(request: FastifyRequest, source: CommunitySource): string[] {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  if (source === "params.id") {
    const id = text((request.params as Record<string, unknown> | undefined)?.id);
    return id ? [id] : [];
  }
  if (source === "body.communityId") {
    const id = text((request.body as Record<string, unknown> | undefined)?.communityId);
    return id ? [id] : [];
  }
  const list = text((request.query as Record<string, unknown> | undefined)?.communities) ?? "";
  return list
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}
