import type { AccessRule, CommunityNeed } from "./access-rule.js";
import { type Caller, mayAccess, type Role } from "./roles.js";

/** What each role may do in the communities granted to it. */
const abilities: Record<Role, ReadonlySet<CommunityNeed>> = {
  admin: new Set(["aggregate", "members", "write"]),
  facilitator: new Set(["aggregate", "members", "write"]),
  researcher: new Set(["aggregate", "members"]),
  agency: new Set(["aggregate"]),
};

const needWords: Record<CommunityNeed, string> = {
  aggregate: "read community-level indicators of",
  members: "read member-level data of",
  write: "record into",
};

/** Allowed, or why not (the 403's detail names what is missing). */
export type Permission = { readonly allowed: true } | { readonly allowed: false; readonly missing: string };

const allowed: Permission = { allowed: true };

/** Pure: may this caller use a route with this rule for these communities? */
export function permission(caller: Caller, rule: AccessRule | undefined, communities: readonly string[]): Permission {
  if (caller.role === "admin") return allowed;
  if (rule === undefined)
    return { allowed: false, missing: "this route declares no access rule; only admins may use it" };
  if ("public" in rule || rule.need === "signed-in") return allowed;
  if (rule.need === "admin") return { allowed: false, missing: "the admin role" };
  if (!abilities[caller.role].has(rule.need)) {
    return { allowed: false, missing: `a role that may ${needWords[rule.need]} a community (${caller.role} may not)` };
  }
  if (communities.length === 0) {
    return { allowed: false, missing: "a community id this key is granted (name it in the request)" };
  }
  const refused = communities.filter((id) => !mayAccess(caller, id));
  if (refused.length > 0) {
    return { allowed: false, missing: `a grant for ${refused.map((id) => `'${id}'`).join(", ")}` };
  }
  return allowed;
}
