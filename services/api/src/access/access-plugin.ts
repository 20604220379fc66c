import type { FastifyInstance, FastifyRequest, HTTPMethods, RouteOptions } from "fastify";
import { serveOnlyLocalPages } from "../http/host-check.js";
import { HttpProblem } from "../http/problem.js";
import { settingsSchema } from "../settings/settings-schema.js";
import type { AccessRule, AuditRule } from "./access-rule.js";
import type { AuditLog } from "./audit-log.js";
import { bearerSecret } from "./key-secret.js";
import type { AccessKeyStore } from "./key-store.js";
import { permission } from "./permission.js";
import { requestedCommunities } from "./requested-communities.js";
import { type Caller, LOCAL_DEVELOPER } from "./roles.js";

export const DEFAULT_MIN_GROUP_SIZE = settingsSchema.minGroupSize.default;

export interface AccessOptions {
  readonly keys: AccessKeyStore;
  /** Local development: a caller without a key acts as admin (keys still work when sent). */
  readonly development?: boolean;
  /** Agencies see no value of a group smaller than this (default 5). */
  readonly minGroupSize?: number;
}

/** How the running app guards its routes; `keys` is absent when the app runs open (tests, local use). */
export interface AccessMode {
  readonly keys?: AccessKeyStore;
  readonly development: boolean;
  readonly minGroupSize: number;
}

/** A registered route and what it declared, for the test that no route is left open by accident. */
export interface RouteAccess {
  readonly method: string;
  readonly url: string;
  readonly access: AccessRule | undefined;
  readonly audit: AuditRule | undefined;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Who is calling; set before any route handler runs (absent only on public routes without a key). */
    caller?: Caller;
  }
  interface FastifyInstance {
    readonly accessMode: AccessMode;
    /** Every route registered, with its declared access rule. */
    readonly routeAccess: () => readonly RouteAccess[];
  }
}

/**
 * Authentication (`Authorization: Bearer <secret>`) and authorisation by the rule each route
 * declares in `config.access`. Installed on the root before any route, so it sees every route.
 */
export function installAccess(app: FastifyInstance, options: AccessOptions | undefined, audit?: AuditLog): void {
  const mode: AccessMode = {
    ...(options ? { keys: options.keys } : {}),
    development: options ? (options.development ?? false) : true,
    minGroupSize: options?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
  };
  const routes: RouteOptions[] = [];
  app.decorate("accessMode", mode);
  app.decorate("routeAccess", () =>
    routes.flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method as HTTPMethods]).map((method) => ({
        method,
        url: route.url,
        access: route.config?.access,
        audit: route.config?.audit,
      })),
    ),
  );
  app.decorateRequest("caller", undefined);
  // Kept by reference: plugins that own their routes (docs, web app) declare them in their own onRoute hooks.
  app.addHook("onRoute", (route) => {
    routes.push(route);
  });

  if (mode.development) serveOnlyLocalPages(app);
  // Authentication, then the rate limit (route-level onRequest hooks run after this one, so it
  // counts refused requests too), then authorisation before the body is read.
  app.addHook("onRequest", async (request) => {
    if (request.is404) return;
    const rule = request.routeOptions.config.access;
    const identity = identify(request, mode, rule !== undefined && "public" in rule);
    if (identity instanceof Unauthenticated) unauthenticated.set(request, identity);
    else request.caller = identity;
  });
  app.addHook("preParsing", async (request, reply) => {
    const refusal = unauthenticated.get(request);
    if (refusal) {
      reply.header("www-authenticate", refusal.challenge);
      throw refusal;
    }
    const rule = request.routeOptions.config.access;
    if (!request.caller || (rule && "community" in rule && rule.community === "body.communityId")) return;
    authorise(request, request.caller, rule);
  });
  // The body is parsed only now: rules that read it are checked before the handler runs.
  app.addHook("preHandler", async (request) => {
    const rule = request.routeOptions.config.access;
    if (request.caller && rule && "community" in rule && rule.community === "body.communityId") {
      authorise(request, request.caller, rule);
    }
  });

  if (options && audit) {
    // Recorded before the response leaves: nothing is disclosed without its audit entry.
    app.addHook("onSend", async (request, reply, payload) => {
      const rule = request.routeOptions.config.audit;
      if (!rule || !request.caller || (rule.when && !rule.when(request))) return payload;
      await audit.record(request.caller, rule.action, request, reply.statusCode);
      return payload;
    });
  }
}

/** A 401 decided at authentication and sent after the rate limit has counted the request. */
class Unauthenticated extends HttpProblem {
  constructor(
    readonly challenge: string,
    code: string,
    detail: string,
  ) {
    super(401, code, detail);
  }
}

const unauthenticated = new WeakMap<FastifyRequest, Unauthenticated>();

function identify(request: FastifyRequest, mode: AccessMode, open: boolean): Caller | Unauthenticated | undefined {
  const header = request.headers.authorization;
  if (!mode.keys) return LOCAL_DEVELOPER;
  if (header === undefined) {
    if (mode.development) return LOCAL_DEVELOPER;
    if (open) return undefined;
    return new Unauthenticated(
      'Bearer realm="copgraph"',
      "unauthenticated",
      "send an API key as 'Authorization: Bearer <key>'",
    );
  }
  const secret = bearerSecret(header);
  const caller = secret === undefined ? undefined : mode.keys.authenticate(secret);
  if (caller) return caller;
  if (open) return undefined;
  return new Unauthenticated(
    'Bearer realm="copgraph", error="invalid_token"',
    "invalid_key",
    "the API key is unknown, rotated or revoked",
  );
}

function authorise(request: FastifyRequest, caller: Caller, rule: AccessRule | undefined): void {
  const communities = rule && "community" in rule ? requestedCommunities(request, rule.community) : [];
  const decision = permission(caller, rule, communities);
  if (!decision.allowed) {
    throw new HttpProblem(403, "forbidden", `this ${caller.role} key lacks ${decision.missing}`);
  }
}
