// Every setting of `copgraph serve`, in one place: its environment variable, its flag, its default,
// what it does and how its text is read. readSettings reads them, `serve --help` and the README's
// table of settings are written from them (settings-docs.ts).
import { oneOf, origins, type SettingParser, text, webAddress, wholeNumber, yesOrNo } from "./setting-parsers.js";

/** The heading a setting is listed under in `serve --help` and the README. */
export type SettingGroup = "Server" | "Access" | "Limits";

/** A flag that takes the setting's text (`--port <n>`), or a switch that stands for one (`--no-demo`: COPGRAPH_DEMO=0). */
export type SettingFlag =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly means: string };

export interface Setting<T> {
  readonly env: string;
  readonly flag?: SettingFlag;
  readonly default: T;
  /** How help and README show the default, when the value itself does not say it well. */
  readonly shownDefault?: string;
  /** One line: what the setting does. */
  readonly description: string;
  readonly group: SettingGroup;
  readonly parser: SettingParser<T>;
}

const setting = <T>(spec: Setting<T>): Setting<T> => spec;

export const authSettings = ["auto", "on", "off"] as const;
/** COPGRAPH_AUTH: `on` always requires keys, `off` runs open (loopback only), `auto` is open on loopback only. */
export type AuthSetting = (typeof authSettings)[number];

const MiB = 1024 * 1024;

export const settingsSchema = {
  port: setting({
    group: "Server",
    env: "PORT",
    flag: { name: "port", value: "<n>" },
    default: 3000,
    description: "port to listen on; 0 takes a free one",
    parser: wholeNumber(0, 65_535),
  }),
  host: setting({
    group: "Server",
    env: "HOST",
    flag: { name: "host", value: "<h>" },
    default: "127.0.0.1",
    description: "address to bind; on any but loopback (127.0.0.1, ::1, localhost) API keys are required",
    parser: text,
  }),
  publicUrl: setting<string | undefined>({
    group: "Server",
    env: "COPGRAPH_PUBLIC_URL",
    default: undefined,
    shownDefault: "the address the server listens on",
    description: "the address people open the app at (behind a proxy, its public one); survey links point at it",
    parser: webAddress,
  }),
  dataDir: setting({
    group: "Server",
    env: "COPGRAPH_DATA_DIR",
    flag: { name: "data-dir", value: "<dir>" },
    default: "data",
    shownDefault: "./data",
    description:
      "folder of the embedded SQLite log, personal data and API keys; the server holds it while it runs: import and simulate refuse beside it",
    parser: text,
  }),
  eventStoreConnectionString: setting<string | undefined>({
    group: "Server",
    env: "EVENTSTORE_CONNECTION_STRING",
    default: undefined,
    shownDefault: "none: the embedded log",
    description: "an EventStoreDB / KurrentDB cluster to keep the event log in instead",
    parser: text,
  }),
  demo: setting({
    group: "Server",
    env: "COPGRAPH_DEMO",
    flag: { name: "no-demo", means: "0" },
    default: true,
    shownDefault: "1",
    description: "record three demo communities (siloed, diverse, growing) on an empty log; 0 or --no-demo never does",
    parser: yesOrNo,
  }),
  logLevel: setting({
    group: "Server",
    env: "LOG_LEVEL",
    default: "info",
    description: "fatal, error, warn, info, debug, trace or silent",
    parser: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
  }),
  logRequests: setting({
    group: "Server",
    env: "LOG_REQUESTS",
    default: false,
    shownDefault: "0",
    // Off by default: at thousands of writes a second logging each request costs a fifth of the CPU.
    description: "1 logs every request and response",
    parser: yesOrNo,
  }),
  analyticsThreads: setting<number | undefined>({
    group: "Server",
    env: "COPGRAPH_ANALYTICS_THREADS",
    flag: { name: "analytics-threads", value: "<n>" },
    default: undefined,
    shownDefault: "one less than the cores, at least 1",
    description:
      "worker threads that compute indicators, each on its own copy of the communities it was asked about, so the thread that answers requests keeps a core",
    parser: wholeNumber(1, 256),
  }),
  auth: setting<AuthSetting>({
    group: "Access",
    env: "COPGRAPH_AUTH",
    default: "auto",
    description:
      "auto: callers without a key act as admin when bound to loopback (local development), keys are required on any other host; on: keys always required; off: open, refused on a non-loopback host",
    parser: oneOf(authSettings),
  }),
  minGroupSize: setting({
    group: "Access",
    env: "COPGRAPH_MIN_GROUP_SIZE",
    default: 5,
    description: "agencies see no value of a smaller group",
    parser: wholeNumber(1),
  }),
  corsOrigins: setting<readonly string[]>({
    group: "Limits",
    env: "COPGRAPH_CORS_ORIGINS",
    default: [],
    shownDefault: "none: only the app's own pages",
    description: "origins whose pages may call the API, comma-separated, or *",
    parser: origins,
  }),
  rateLimit: setting({
    group: "Limits",
    env: "COPGRAPH_RATE_LIMIT",
    // Far above what a person in the web app or a script with a sane loop sends; bulk data goes through the batch endpoint.
    default: 30_000,
    description:
      "requests a minute per API key (or per address without a valid one); over it: 429 with Retry-After; 0 turns it off",
    parser: wholeNumber(0),
  }),
  bodyLimit: setting({
    group: "Limits",
    env: "COPGRAPH_BODY_LIMIT",
    default: MiB,
    shownDefault: "1048576, 1 MiB",
    description: "largest body of a single write, bytes; over it: 413",
    parser: wholeNumber(1),
  }),
  importBodyLimit: setting({
    group: "Limits",
    env: "COPGRAPH_IMPORT_BODY_LIMIT",
    default: 32 * MiB,
    shownDefault: "33554432, 32 MiB",
    description: "largest body of an event batch or CSV import, bytes; over it: 413",
    parser: wholeNumber(1),
  }),
  requestTimeoutMs: setting({
    group: "Limits",
    env: "COPGRAPH_REQUEST_TIMEOUT_MS",
    default: 120_000,
    description: "time to receive a whole request, ms; 0 waits without end",
    parser: wholeNumber(0),
  }),
  headersTimeoutMs: setting({
    group: "Limits",
    env: "COPGRAPH_HEADERS_TIMEOUT_MS",
    default: 20_000,
    description: "time to receive a request's headers, ms; not more than COPGRAPH_REQUEST_TIMEOUT_MS",
    parser: wholeNumber(0),
  }),
  keepAliveTimeoutMs: setting({
    group: "Limits",
    env: "COPGRAPH_KEEP_ALIVE_TIMEOUT_MS",
    // Above the 60 s idle timeout of common load balancers, so they never reuse a socket the server just closed.
    default: 65_000,
    description: "idle keep-alive connections close after this, ms",
    parser: wholeNumber(0),
  }),
  streamsPerKey: setting({
    group: "Limits",
    env: "COPGRAPH_STREAMS_PER_KEY",
    // A few browser tabs per person; each open stream holds a socket for as long as the tab lives.
    default: 8,
    description: "live-update (/changes) streams one API key may hold open at once; past it: 429 with Retry-After",
    parser: wholeNumber(1),
  }),
  analyticsBudgetMs: setting({
    group: "Limits",
    env: "COPGRAPH_ANALYTICS_BUDGET_MS",
    flag: { name: "analytics-budget-ms", value: "<ms>" },
    default: 30_000,
    description:
      "time one request may spend computing indicators (all the dates of a timeline, all the communities of a comparison), ms; past it the computation stops and the answer is 503 with Retry-After",
    parser: wholeNumber(1),
  }),
  heavyRequestsPerKey: setting({
    group: "Limits",
    env: "COPGRAPH_HEAVY_REQUESTS_PER_KEY",
    // The web app asks a few dates and a graph at once; a script needs no more to keep the threads busy.
    default: 8,
    description:
      "requests that compute indicators one API key (or address without a key) may have running at once; past it: 429 with Retry-After",
    parser: wholeNumber(1),
  }),
  webhookPrivateAddresses: setting({
    group: "Access",
    env: "COPGRAPH_WEBHOOK_PRIVATE_ADDRESSES",
    default: false,
    shownDefault: "0",
    description:
      "1 lets a watch's webhook reach loopback and private addresses (a receiver on the same host or network); by default they are refused",
    parser: yesOrNo,
  }),
  webhookRetryMs: setting({
    group: "Limits",
    env: "COPGRAPH_WEBHOOK_RETRY_MS",
    default: 30_000,
    description: "wait before a failed webhook delivery is tried again, ms; it doubles with each try, up to an hour",
    parser: wholeNumber(1),
  }),
  webhookMaxTries: setting({
    group: "Limits",
    env: "COPGRAPH_WEBHOOK_MAX_TRIES",
    default: 8,
    description: "tries of a webhook delivery before it is given up (the delivery log shows each)",
    parser: wholeNumber(1, 100),
  }),
  shutdownTimeoutMs: setting({
    group: "Limits",
    env: "COPGRAPH_SHUTDOWN_TIMEOUT_MS",
    default: 25_000,
    description:
      "on SIGTERM or SIGINT, how long requests in flight get to finish before their connections are dropped, ms; then the event log closes and the process exits 0 (a second signal exits at once)",
    parser: wholeNumber(0),
  }),
};

export type SettingName = keyof typeof settingsSchema;

/** Every setting's value, as readSettings returns them. */
export type Settings = {
  readonly [Name in SettingName]: (typeof settingsSchema)[Name] extends Setting<infer T> ? T : never;
};

/** Every setting as a pair, in the order of the schema. */
export function eachSetting(): [SettingName, Setting<unknown>][] {
  return Object.entries(settingsSchema) as [SettingName, Setting<unknown>][];
}

/** Every setting at its default: what `copgraph serve` runs with when nothing is set. */
export const defaultSettings = Object.fromEntries(
  eachSetting().map(([name, spec]) => [name, spec.default]),
) as unknown as Settings;
