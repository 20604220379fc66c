import { randomUUID } from "node:crypto";
import { type Communities, openCommunities, PersonalVault } from "@copgraph/community";
import type { EventStore } from "@copgraph/event-store";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { type AccessOptions, installAccess } from "./access/access-plugin.js";
import { AuditLog } from "./access/audit-log.js";
import { limitHeavyRequests } from "./access/heavy-requests.js";
import { registerRateLimit } from "./access/rate-limit.js";
import { loggerWithoutUrlSecrets } from "./access/url-secrets.js";
import { applyBodyLimits } from "./http/body-limits.js";
import { registerCors } from "./http/cors.js";
import { installErrorHandler } from "./http/error-handler.js";
import { continueOnlyWithinBodyLimit } from "./http/expect-continue.js";
import { type HttpSettings, servedDefaults } from "./http/http-settings.js";
import { registerNoStore } from "./http/no-store.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { acceptOnlyUtf8Json } from "./http/utf8-json.js";
import { defaultWebhookSettings, type NoticeOptions, Notices } from "./notices/notices.js";
import { auditRoutes } from "./routes/audit.js";
import { changesRoutes } from "./routes/changes.js";
import { communityRoutes } from "./routes/communities.js";
import { compareRoutes } from "./routes/compare.js";
import { csvImportRoutes } from "./routes/csv-import.js";
import { eventBatchRoutes } from "./routes/event-batch.js";
import { eventLogRoutes } from "./routes/event-log.js";
import { exportRoutes } from "./routes/export.js";
import { graphRoutes } from "./routes/graph.js";
import { healthRoutes } from "./routes/health.js";
import { indicatorCatalogueRoutes } from "./routes/indicator-catalogue.js";
import { meRoutes } from "./routes/me.js";
import { memberListRoutes } from "./routes/member-list.js";
import { memberViewRoutes } from "./routes/member-view.js";
import { memberRoutes } from "./routes/members.js";
import { registerOpenApi } from "./routes/openapi.js";
import { recordRoutes } from "./routes/records.js";
import { surveyAnswersImportRoutes } from "./routes/survey-answers-import.js";
import { surveyIndicatorRoutes } from "./routes/survey-indicators.js";
import { surveyReadingRoutes } from "./routes/survey-readings.js";
import { surveyRoutes } from "./routes/surveys.js";
import { respondentRoutes } from "./routes/surveys-respondent.js";
import { timelineRoutes } from "./routes/timeline.js";
import { watchRoutes } from "./routes/watches.js";
import { registerWebApp } from "./routes/web-app.js";
import { settingsSchema } from "./settings/settings-schema.js";
import { type SurveyOptions, Surveys } from "./surveys/surveys.js";

export interface AppDependencies {
  readonly store: EventStore;
  /** The only clock: decisions and recordedAt take time from here. */
  readonly clock?: () => Date;
  readonly logger?: FastifyServerOptions["logger"];
  /** Log every request and response (off by default: at thousands of writes a second it costs a fifth of the CPU). */
  readonly logRequests?: boolean;
  /** Folder of the built web app, served at `/`. */
  readonly webRoot?: string;
  /** Names and free text, kept out of the event log (default: an in-memory vault that closes with the app). */
  readonly personalVault?: PersonalVault;
  /** The application core, when the caller opened it (a server seeds its demo with it); else opened here. */
  readonly communities?: Communities;
  /** API keys and roles; without it the app runs open and every caller acts as admin (tests, local use). */
  readonly access?: AccessOptions;
  /** CORS origins (default: same-origin only), rate limit (default: none), body limits (default: 1 MiB, bulk 32 MiB). */
  readonly http?: Partial<Pick<HttpSettings, "corsOrigins" | "rateLimit" | "bodyLimits" | "streamsPerKey">>;
  /** How often an open `/changes` stream sends a keep-alive and re-checks its key (default 15 s; short in tests). */
  readonly changesHeartbeatMs?: number;
  /** Requests that compute indicators one key may have running at once (default 8). */
  readonly heavyRequestsPerKey?: number;
  /** Watches' webhooks and where their queue is kept (default: in memory, public addresses only). */
  readonly notices?: Partial<NoticeOptions>;
  /** Survey links' hashes (default: in memory), the address links point at, the respondents' rate limit. */
  readonly surveys?: SurveyOptions;
}

export type App = FastifyInstance;

/** The HTTP application without a listening socket: tests inject into it, server.ts listens. */
export async function buildApp(deps: AppDependencies): Promise<App> {
  const bodyLimits = deps.http?.bodyLimits ?? servedDefaults.bodyLimits;
  const app = Fastify({
    logger: loggerWithoutUrlSecrets(deps.logger),
    logController: new LogController({ disableRequestLogging: !deps.logRequests }),
    bodyLimit: bodyLimits.plain,
    // Request ids become events' correlationId and audit entries' requestId: always ours, unique
    // across restarts, never a client's x-request-id (it could carry a name, or forge an entry).
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    ajv: { customOptions: { coerceTypes: false } },
    // Past the router's 100-character default a path segment was refused before any hook (a bare
    // 414 without problem+json or the security headers): let it reach the route, whose schema
    // names the limit (ids are at most 64 characters) in a 400.
    routerOptions: { maxParamLength: 2048 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API (OpenAPI) and tests check the shapes; at run time a plain
  // JSON.stringify answers, without validating every response a second time.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandler(app);
  await registerSecurityHeaders(app);
  registerNoStore(app);
  await registerCors(app, deps.http?.corsOrigins ?? []);
  if (deps.http?.rateLimit) await registerRateLimit(app, deps.http.rateLimit);
  applyBodyLimits(app, bodyLimits);
  continueOnlyWithinBodyLimit(app);
  acceptOnlyUtf8Json(app);
  const clock = deps.clock ?? (() => new Date());
  const audit = new AuditLog(deps.store, clock);
  installAccess(app, deps.access, audit);
  await registerOpenApi(app);
  await registerWebApp(app, deps.webRoot);

  const communities = deps.communities ?? (await openOwnCommunities(app, deps, clock));
  const { writer, histories, reader, personal } = communities;
  const context = { store: deps.store, writer, histories, reader, personal, now: () => clock().toISOString() };
  limitHeavyRequests(app, reader, deps.heavyRequestsPerKey ?? settingsSchema.heavyRequestsPerKey.default);
  await app.register(healthRoutes, context);
  await app.register(meRoutes);
  await app.register(auditRoutes, { audit });
  await app.register(communityRoutes, context);
  await app.register(memberRoutes, context);
  await app.register(memberListRoutes, context);
  await app.register(recordRoutes, context);
  await app.register(eventBatchRoutes, context);
  await app.register(eventLogRoutes, context);
  await app.register(csvImportRoutes, context);
  await app.register(exportRoutes, context);
  const surveys = new Surveys(deps.store, communities, deps.surveys);
  app.addHook("onClose", () => surveys.close());
  await app.register(graphRoutes, { ...context, surveys: surveys.log });
  await app.register(timelineRoutes, context);
  await app.register(memberViewRoutes, context);
  await app.register(compareRoutes, context);
  await app.register(indicatorCatalogueRoutes);
  const notices = new Notices(
    deps.store,
    reader,
    histories,
    clock,
    { webhooks: defaultWebhookSettings, ...deps.notices },
    (message) => app.log.warn(message),
  );
  // No new evaluation or delivery once a shutdown begins; the queue waits on disk for the next start.
  app.addHook("preClose", () => notices.stop());
  app.addHook("onClose", () => notices.close());
  await app.register(watchRoutes, { ...context, notices });
  await app.register(surveyRoutes, { ...context, surveys });
  await app.register(respondentRoutes, { ...context, surveys });
  await app.register(surveyAnswersImportRoutes, { ...context, surveys });
  await app.register(surveyIndicatorRoutes, { ...context, surveys });
  await app.register(surveyReadingRoutes, { ...context, surveys });
  await app.register(changesRoutes, {
    ...context,
    notices: notices.board,
    surveys: surveys.log,
    heartbeatMs: deps.changesHeartbeatMs ?? 15_000,
    streamsPerKey: deps.http?.streamsPerKey ?? servedDefaults.streamsPerKey,
  });
  await notices.start();
  return app;
}

/** The core over the app's store and vault (an in-memory one by default), closed with the app. */
async function openOwnCommunities(app: App, deps: AppDependencies, clock: () => Date): Promise<Communities> {
  const vault = deps.personalVault ?? PersonalVault.inMemory();
  if (!deps.personalVault) app.addHook("onClose", () => vault.close());
  // Values and erasures a crash left half done are settled before anything can be read.
  const communities = await openCommunities(deps.store, vault, clock);
  app.addHook("onClose", () => communities.close());
  return communities;
}
