import { defaultSettings, type Settings } from "../settings/settings-schema.js";
import type { BodyLimits } from "./body-limits.js";
import type { ServerTimeouts } from "./server-timeouts.js";

/** At most `max` requests per caller in each window of `windowMs`. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** How the HTTP side protects itself: who may call from a browser, how much, how big, how long. */
export interface HttpSettings {
  /** Origins other than the app's own that browsers may call the API from; `*` allows any. */
  readonly corsOrigins: readonly string[];
  /** Requests per key and window; undefined: not limited. */
  readonly rateLimit: RateLimit | undefined;
  readonly bodyLimits: BodyLimits;
  readonly timeouts: ServerTimeouts;
  /** How long a shutdown waits for requests in flight before it drops their connections. */
  readonly shutdownGraceMs: number;
  /** Live-update (`/changes`) streams one API key may hold open at once. */
  readonly streamsPerKey: number;
}

const MINUTE = 60_000;

/** The HTTP part of the settings (read and checked by readSettings). */
export function httpSettingsOf(settings: Settings): HttpSettings {
  return {
    corsOrigins: settings.corsOrigins,
    rateLimit: settings.rateLimit === 0 ? undefined : { max: settings.rateLimit, windowMs: MINUTE },
    bodyLimits: { plain: settings.bodyLimit, bulk: settings.importBodyLimit },
    timeouts: {
      requestMs: settings.requestTimeoutMs,
      headersMs: settings.headersTimeoutMs,
      keepAliveMs: settings.keepAliveTimeoutMs,
    },
    shutdownGraceMs: settings.shutdownTimeoutMs,
    streamsPerKey: settings.streamsPerKey,
  };
}

/** What `copgraph serve` uses when nothing is set. */
export const servedDefaults: HttpSettings = httpSettingsOf(defaultSettings);
