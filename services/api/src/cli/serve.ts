import { parseArgs } from "node:util";
import { readConfig } from "../config.js";
import { startServer } from "../server.js";
import { settingFlagOptions } from "../settings/read-settings.js";
import { settingsHelp } from "../settings/settings-docs.js";
import { SettingsError } from "../settings/settings-error.js";
import { shutdownSignal } from "./shutdown-signal.js";
import { UsageError } from "./usage-error.js";

export const serveHelp = `copgraph serve [options]

Start the API, its docs at /docs and the web app at /, on the event log. On an empty log the
first start records three demo communities (siloed, diverse, growing) to look at, two of them
with a survey round closed a month ago.

${settingsHelp()}`;

export async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: settingFlagOptions(),
  });
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env, values);
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
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
