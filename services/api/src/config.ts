import { resolve } from "node:path";
import { type AccessSettings, AccessSettingsError, readAccessSettings } from "./access/access-settings.js";
import { type HttpSettings, HttpSettingsError, readHttpSettings } from "./http/http-settings.js";

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Where the embedded SQLite event log lives. */
  readonly dataDir: string;
  /** Set to use an EventStoreDB / KurrentDB cluster instead of the embedded log. */
  readonly eventStoreConnectionString?: string;
  readonly logLevel: string;
  /** LOG_REQUESTS=1 logs every request. */
  readonly logRequests: boolean;
  /** Record the demo communities on an empty log. */
  readonly demo: boolean;
  /** COPGRAPH_AUTH (auto: keys required unless bound to loopback) and COPGRAPH_MIN_GROUP_SIZE. */
  readonly access?: AccessSettings;
  /** CORS, rate limit, body limits, timeouts and shutdown grace (COPGRAPH_* variables, see `serve --help`). */
  readonly http: HttpSettings;
}

export class ConfigError extends Error {}

/** Reads PORT, HOST, COPGRAPH_DATA_DIR, EVENTSTORE_CONNECTION_STRING and LOG_LEVEL; flags win over the environment. */
export function readConfig(
  env: NodeJS.ProcessEnv,
  flags: Partial<Record<"port" | "host" | "data-dir", string>> & { "no-demo"?: boolean } = {},
): ServerConfig {
  const portText = flags.port ?? env.PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not '${portText}'`);
  }
  const connection = env.EVENTSTORE_CONNECTION_STRING?.trim();
  const access = settingsOf(() => readAccessSettings(env), AccessSettingsError);
  const http = settingsOf(() => readHttpSettings(env), HttpSettingsError);
  return {
    port,
    host: flags.host ?? env.HOST ?? "127.0.0.1",
    dataDir: resolve(flags["data-dir"] ?? env.COPGRAPH_DATA_DIR ?? "data"),
    ...(connection ? { eventStoreConnectionString: connection } : {}),
    logLevel: env.LOG_LEVEL ?? "info",
    logRequests: ["1", "true", "yes"].includes(env.LOG_REQUESTS?.toLowerCase() ?? ""),
    http,
    access,
    demo: !(flags["no-demo"] ?? ["0", "false", "no"].includes(env.COPGRAPH_DEMO?.toLowerCase() ?? "")),
  };
}

/** What `read` returns; its own error for a bad value becomes a ConfigError (exit code 2). */
function settingsOf<T>(read: () => T, settingsError: new (message: string) => Error): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof settingsError) throw new ConfigError(error.message);
    throw error;
  }
}
