import type { FastifyRequest } from "fastify";

/**
 * What a route needs, declared in its `config.access`. Every route declares one; a route without
 * it is refused to every caller but admins (and a test lists it).
 *  - `public`: open to anyone, with the reason it may be;
 *  - `signed-in`: any valid key;
 *  - `admin`: admins only;
 *  - `aggregate`: community-level figures of the communities named by `community`;
 *  - `members`: member-level data (names for facilitators, pseudonyms for researchers);
 *  - `write`: recording into the communities.
 */
export type AccessRule =
  | { readonly public: string }
  | { readonly need: "signed-in" | "admin" }
  | { readonly need: CommunityNeed; readonly community: CommunitySource };

export type CommunityNeed = "aggregate" | "members" | "write";

/** Where a route names its communities: the `:id` path parameter, the body's communityId, or `?communities=a,b`. */
export type CommunitySource = "params.id" | "body.communityId" | "query.communities";

/** The routes whose use is recorded in the audit log, and as what. */
export interface AuditRule {
  readonly action: AuditAction;
  /** Record only the requests for which this holds (e.g. file downloads of a route that also answers JSON). */
  readonly when?: (request: FastifyRequest) => boolean;
}

export const auditActions = ["read", "export", "erase"] as const;
export type AuditAction = (typeof auditActions)[number];

declare module "fastify" {
  interface FastifyContextConfig {
    access?: AccessRule;
    audit?: AuditRule;
  }
}
