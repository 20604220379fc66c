import { resolve } from "node:path";
import { type HttpSettings, httpSettingsOf } from "./http/http-settings.js";
import type { WebhookSettings } from "./notices/webhook-deliverer.js";
import { readSettings, type SettingFlags } from "./settings/read-settings.js";
import type { AuthSetting } from "./settings/settings-schema.js";

export interface AccessSettings {
  /** COPGRAPH_AUTH (auto: keys required unless bound to loopback). */
  readonly auth: AuthSetting;
  /** COPGRAPH_MIN_GROUP_SIZE: agencies see no value of a smaller group. */
  readonly minGroupSize: number;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Where the embedded SQLite event log lives. */
  readonly dataDir: string;
  /** COPGRAPH_PUBLIC_URL: where people open the app; survey links point at it (default: the address listened on). */
  readonly publicUrl?: string;
  /** Set to use an EventStoreDB / KurrentDB cluster instead of the embedded log. */
  readonly eventStoreConnectionString?: string;
  readonly logLevel: string;
  /** LOG_REQUESTS=1 logs every request. */
  readonly logRequests: boolean;
  /** Record the demo communities on an empty log. */
  readonly demo: boolean;
  readonly access?: AccessSettings;
  /** CORS, rate limit, body limits, timeouts and shutdown grace. */
  readonly http: HttpSettings;
  readonly analytics: AnalyticsSettings;
  /** Webhooks of watches: private addresses, retries. */
  readonly webhooks: WebhookSettings;
}

/** Where indicators are computed and how much of it one caller may ask for. */
export interface AnalyticsSettings {
  /** COPGRAPH_ANALYTICS_THREADS (undefined: one less than the cores, at least one). */
  readonly threads: number | undefined;
  /** COPGRAPH_ANALYTICS_BUDGET_MS: time one request may spend computing indicators. */
  readonly budgetMs: number;
  /** COPGRAPH_HEAVY_REQUESTS_PER_KEY: requests computing indicators one key may have running at once. */
  readonly heavyRequestsPerKey: number;
}

/**
 * The server's configuration from every setting of settings/settings-schema.ts; flags win over the
 * environment. Throws one SettingsError naming every wrong setting.
 */
export function readConfig(env: NodeJS.ProcessEnv, flags: SettingFlags = {}): ServerConfig {
  const settings = readSettings(env, flags);
  return {
    port: settings.port,
    host: settings.host,
    dataDir: resolve(settings.dataDir),
    ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
    ...(settings.eventStoreConnectionString ? { eventStoreConnectionString: settings.eventStoreConnectionString } : {}),
    logLevel: settings.logLevel,
    logRequests: settings.logRequests,
    demo: settings.demo,
    access: { auth: settings.auth, minGroupSize: settings.minGroupSize },
    http: httpSettingsOf(settings),
    analytics: {
      threads: settings.analyticsThreads,
      budgetMs: settings.analyticsBudgetMs,
      heavyRequestsPerKey: settings.heavyRequestsPerKey,
    },
    webhooks: {
      allowPrivateAddresses: settings.webhookPrivateAddresses,
      retryMs: settings.webhookRetryMs,
      maxTries: settings.webhookMaxTries,
    },
  };
}
