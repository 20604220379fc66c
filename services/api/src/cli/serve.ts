import { parseArgs } from "node:util";
import { ConfigError, readConfig } from "../config.js";
import { startServer } from "../server.js";
import { UsageError } from "./usage-error.js";

export const serveHelp = `copgraph serve [options]

Start the API, its docs at /docs and the web app at /, on the event log. On an empty log the
first start records three demo communities (siloed, diverse, growing) to look at.

  --port <n>        port to listen on (env PORT, default 3000)
  --host <h>        address to bind (env HOST, default 127.0.0.1)
  --data-dir <dir>  folder of the embedded SQLite log (env COPGRAPH_DATA_DIR, default ./data)
  --no-demo         never record the demo communities (env COPGRAPH_DEMO=0)

Access (environment):
  COPGRAPH_AUTH             auto (default): callers without a key act as admin when bound to
                            loopback (local development), keys are required on any other host;
                            on: keys always required; off: open, refused on a non-loopback host
  COPGRAPH_MIN_GROUP_SIZE   agencies see no value of a smaller group (default 5)

EVENTSTORE_CONNECTION_STRING, when set, uses an EventStoreDB / KurrentDB cluster instead.`;

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
  const server = await startServer(config);
  const where = config.eventStoreConnectionString ? "EventStoreDB" : `${config.dataDir}/events.sqlite`;
  if (server.seeded.length > 0) console.log(`recorded the demo communities: ${server.seeded.join(", ")}`);
  console.log(`copgraph is serving ${server.url} (API docs: ${server.url}/docs), event log: ${where}`);
  console.log(
    server.development
      ? "local development mode: callers without an API key act as admin (only on loopback; COPGRAPH_AUTH=on requires keys)"
      : "API keys required: create one with 'copgraph keys create --role admin'",
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await server.close();
  return 0;
}
