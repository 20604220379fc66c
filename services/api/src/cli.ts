#!/usr/bin/env node
import { parseArgs } from "node:util";
import { ConfigError, readConfig } from "./config.js";
import { startServer } from "./server.js";

const usage = `copgraph — event-sourced relationship-network analytics for communities of practice

Usage: copgraph <command> [options]

Commands:
  serve      start the API (and its docs at /docs) on the event log

Options for serve:
  --port <n>        port to listen on (env PORT, default 3000)
  --host <h>        address to bind (env HOST, default 127.0.0.1)
  --data-dir <dir>  folder of the embedded SQLite log (env COPGRAPH_DATA_DIR, default ./data)
  -h, --help        show this help

EVENTSTORE_CONNECTION_STRING, when set, uses an EventStoreDB / KurrentDB cluster instead.
Exit codes: 0 done, 1 failed, 2 bad usage.`;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`copgraph: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help || command === undefined || command === "help") {
    console.log(usage);
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  if (command !== "serve") {
    console.error(`copgraph: unknown command '${command}'\n\n${usage}`);
    return 2;
  }
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env, parsed.values);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`copgraph: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const server = await startServer(config);
  const where = config.eventStoreConnectionString ? "EventStoreDB" : `${config.dataDir}/events.sqlite`;
  console.log(`copgraph is serving ${server.url} (API docs: ${server.url}/docs), event log: ${where}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`copgraph: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
