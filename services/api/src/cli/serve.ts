import { parseArgs } from "node:util";
import { ConfigError, readConfig } from "../config.js";
import { startServer } from "../server.js";
import { shutdownSignal } from "./shutdown-signal.js";
import { UsageError } from "./usage-error.js";

export const serveHelp = `copgraph serve [options]

Start the API, its docs at /docs and the web app at /, on the event log. On an empty log the
first start records three demo communities (siloed, diverse, growing) to look at.

  --port <n>        port to listen on (env PORT, default 3000)
  --host <h>        address to bind (env HOST, default 127.0.0.1)
  --data-dir <dir>  folder of the embedded SQLite log (env COPGRAPH_DATA_DIR, default ./data); the
                    server holds it while it runs: import and simulate refuse beside it
  --no-demo         never record the demo communities (env COPGRAPH_DEMO=0)

Access (environment):
  COPGRAPH_AUTH             auto (default): callers without a key act as admin when bound to
                            loopback (local development), keys are required on any other host;
                            on: keys always required; off: open, refused on a non-loopback host
  COPGRAPH_MIN_GROUP_SIZE   agencies see no value of a smaller group (default 5)

EVENTSTORE_CONNECTION_STRING, when set, uses an EventStoreDB / KurrentDB cluster instead.

Limits (environment):
  COPGRAPH_CORS_ORIGINS           origins whose pages may call the API, comma-separated, or *
                                  (default: none, only the app's own pages)
  COPGRAPH_RATE_LIMIT             requests per minute per API key (or per address without one);
                                  0 turns it off (default 30000); over it: 429 with Retry-After
  COPGRAPH_BODY_LIMIT             largest body of a single write, bytes (default 1048576)
  COPGRAPH_IMPORT_BODY_LIMIT      largest body of an event batch or CSV import (default 33554432)
  COPGRAPH_REQUEST_TIMEOUT_MS     time to receive a whole request (default 120000)
  COPGRAPH_HEADERS_TIMEOUT_MS     time to receive its headers (default 20000)
  COPGRAPH_KEEP_ALIVE_TIMEOUT_MS  idle keep-alive connections close after (default 65000)
  COPGRAPH_STREAMS_PER_KEY        live-update (/changes) streams one API key may hold open
                                  (default 8); past it: 429 with Retry-After
  COPGRAPH_SHUTDOWN_TIMEOUT_MS    on SIGTERM/SIGINT, requests in flight get this long to finish
                                  before their connections are dropped (default 25000); the
                                  event log is closed after them and the process exits with 0.
                                  A second signal exits at once.`;

export async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      "no-demo": { type: "boolean" },
    },
  });
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env, values);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  // Listen for the signals before starting: one that arrives during the start still shuts down in order.
  const stopSignal = shutdownSignal();
  const server = await startServer(config);
  if (server.recoveredLock) console.error(server.recoveredLock);
  const where = config.eventStoreConnectionString ? "EventStoreDB" : `${config.dataDir}/events.sqlite`;
  if (server.seeded.length > 0) console.log(`recorded the demo communities: ${server.seeded.join(", ")}`);
  console.log(`copgraph is serving ${server.url} (API docs: ${server.url}/docs), event log: ${where}`);
  console.log(
    server.development
      ? "local development mode: callers without an API key act as admin (only on loopback; COPGRAPH_AUTH=on requires keys)"
      : "API keys required: create one with 'copgraph keys create --role admin'",
  );
  const signal = await stopSignal;
  console.log(`${signal}: finishing the requests in flight, then closing the event log`);
  await server.close();
  console.log("copgraph stopped");
  return 0;
}
