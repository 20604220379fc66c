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

export class HttpSettingsError extends Error {}

const MINUTE = 60_000;
const MiB = 1024 * 1024;

/** What `copgraph serve` uses when the environment says nothing. */
export const servedDefaults: HttpSettings = {
  corsOrigins: [],
  // Far above what a person in the web app or a script with a sane loop sends; bulk data goes through the batch endpoint.
  rateLimit: { max: 30_000, windowMs: MINUTE },
  bodyLimits: { plain: MiB, bulk: 32 * MiB },
  // keepAlive above the 60 s idle timeout of common load balancers, so they never reuse a socket the server just closed.
  timeouts: { requestMs: 120_000, headersMs: 20_000, keepAliveMs: 65_000 },
  shutdownGraceMs: 25_000,
  // A few browser tabs per person; each open stream holds a socket for as long as the tab lives.
  streamsPerKey: 8,
};

/** Reads COPGRAPH_CORS_ORIGINS, COPGRAPH_RATE_LIMIT, COPGRAPH_*_BODY_LIMIT, COPGRAPH_*_TIMEOUT_MS, COPGRAPH_STREAMS_PER_KEY. */
export function readHttpSettings(env: NodeJS.ProcessEnv): HttpSettings {
  const d = servedDefaults;
  const rateLimit = whole(env, "COPGRAPH_RATE_LIMIT", d.rateLimit?.max ?? 0);
  const timeouts: ServerTimeouts = {
    requestMs: whole(env, "COPGRAPH_REQUEST_TIMEOUT_MS", d.timeouts.requestMs),
    headersMs: whole(env, "COPGRAPH_HEADERS_TIMEOUT_MS", d.timeouts.headersMs),
    keepAliveMs: whole(env, "COPGRAPH_KEEP_ALIVE_TIMEOUT_MS", d.timeouts.keepAliveMs),
  };
  if (timeouts.requestMs > 0 && timeouts.headersMs > timeouts.requestMs) {
    throw new HttpSettingsError("COPGRAPH_HEADERS_TIMEOUT_MS must not exceed COPGRAPH_REQUEST_TIMEOUT_MS");
  }
  return {
    corsOrigins: readOrigins(env.COPGRAPH_CORS_ORIGINS),
    rateLimit: rateLimit === 0 ? undefined : { max: rateLimit, windowMs: MINUTE },
    bodyLimits: {
      plain: whole(env, "COPGRAPH_BODY_LIMIT", d.bodyLimits.plain, 1),
      bulk: whole(env, "COPGRAPH_IMPORT_BODY_LIMIT", d.bodyLimits.bulk, 1),
    },
    timeouts,
    shutdownGraceMs: whole(env, "COPGRAPH_SHUTDOWN_TIMEOUT_MS", d.shutdownGraceMs),
    streamsPerKey: whole(env, "COPGRAPH_STREAMS_PER_KEY", d.streamsPerKey, 1),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new HttpSettingsError(`${name} must be a whole number of at least ${min}, not '${text}'`);
  }
  return value;
}

function readOrigins(text: string | undefined): string[] {
  const origins = (text ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter((origin) => origin.length > 0);
  for (const origin of origins) {
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new HttpSettingsError(
        `COPGRAPH_CORS_ORIGINS takes origins like https://app.example.org (or *), not '${origin}'`,
      );
    }
  }
  return origins;
}
