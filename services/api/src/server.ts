import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHECKPOINT_FILE, openCommunities, PersonalVault, seedDemo } from "@copgraph/community";
import { openEventStore } from "@copgraph/event-store";
import { developmentMode } from "./access/access-settings.js";
import { ACCESS_FILE, AccessKeyStore } from "./access/key-store.js";
import { type App, buildApp } from "./app.js";
import type { ServerConfig } from "./config.js";
import { DataDirLock, SERVER_COMMAND } from "./data-dir/data-dir-lock.js";
import { preparePrivateDataDir, tightenDataFiles } from "./data-dir/private-files.js";
import { closeGracefully } from "./http/close-gracefully.js";
import { applyServerTimeouts } from "./http/server-timeouts.js";
import { NOTICES_FILE } from "./notices/notice-store.js";
import { seedDemoSurvey } from "./surveys/seed-demo-survey.js";
import { SURVEYS_FILE } from "./surveys/survey-links.js";
import { SurveyLog } from "./surveys/survey-log.js";

export interface RunningServer {
  readonly app: App;
  readonly url: string;
  /** Local development mode: callers without a key act as admin (loopback only). */
  readonly development: boolean;
  /** Demo communities recorded at this start (on an empty log only). */
  readonly seeded: readonly string[];
  /** Says which stale lock this start removed, if any (see DataDirLock). */
  readonly recoveredLock: string | undefined;
  close(): Promise<void>;
}

/**
 * Wires the real adapters, listens, and closes in order: stop accepting, finish the requests in
 * flight (their appends included; connections still busy after the grace period are dropped),
 * then close the log. The server holds its data folder while it runs (it reads back only what it
 * wrote itself): it does not start while another server or an import holds it.
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  // Decided before anything opens: a server that would run open on a network address does not start.
  const development = developmentMode(config.host, config.access?.auth ?? "auto");
  preparePrivateDataDir(config.dataDir);
  const lock = DataDirLock.acquire(config.dataDir, SERVER_COMMAND, (holder) =>
    holder.command === SERVER_COMMAND
      ? "Stop that server first, or start this one with another --data-dir."
      : "Wait until it has finished, then start the server.",
  );
  try {
    return await serveHolding(config, development, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function serveHolding(config: ServerConfig, development: boolean, lock: DataDirLock): Promise<RunningServer> {
  const store = await openEventStore({
    dataDir: config.dataDir,
    ...(config.eventStoreConnectionString ? { eventStoreConnectionString: config.eventStoreConnectionString } : {}),
  });
  // Names and free text live beside the log in a file of their own (also with EventStoreDB).
  const personalVault = PersonalVault.inDataDir(config.dataDir);
  const keys = new AccessKeyStore(join(config.dataDir, ACCESS_FILE));
  tightenDataFiles(config.dataDir);
  // The core is wired once: the demo seed and the app share its writer and read model.
  const { threads, budgetMs, heavyRequestsPerKey } = config.analytics;
  const communities = await openCommunities(store, personalVault, () => new Date(), {
    // Started now, while the read model catches up: the first request finds its threads ready.
    analytics: { ...(threads === undefined ? {} : { threads }), budgetMs, startNow: true },
    // A restart resumes the read model from here instead of replaying the whole log (ADR 0016).
    checkpointFile: join(config.dataDir, CHECKPOINT_FILE),
  });
  // A demo community's survey round goes through the survey log, which files its ratings in the vault.
  const demoSurveys = new SurveyLog(store, communities.personal, communities.writer);
  const seeded = config.demo
    ? await seedDemo(store, communities.writer, new Date(), (demo) => seedDemoSurvey(demoSurveys, demo))
    : [];
  let url = "";
  const app = await buildApp({
    store,
    personalVault,
    communities,
    logger: { level: config.logLevel },
    logRequests: config.logRequests,
    webRoot: fileURLToPath(new URL("../../../web/dist", import.meta.url)),
    http: config.http,
    heavyRequestsPerKey,
    access: { keys, development, ...(config.access && { minGroupSize: config.access.minGroupSize }) },
    // Webhooks, seen notices and the delivery queue: beside the log, so deliveries survive a restart.
    notices: { file: join(config.dataDir, NOTICES_FILE), webhooks: config.webhooks, baseUrl: () => url },
    // Survey link hashes beside the other secrets; links point at the public address when one is set.
    surveys: { file: join(config.dataDir, SURVEYS_FILE), publicUrl: () => config.publicUrl ?? url },
  });
  applyServerTimeouts(app.server, config.http.timeouts);
  const address = await app.listen({ port: config.port, host: config.host });
  url = address.replace("[::1]", "localhost");
  lock.announce(url);
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    development,
    seeded,
    recoveredLock: lock.recovered,
    close: () => {
      closing ??= (async () => {
        await closeGracefully(app, config.http.shutdownGraceMs);
        await communities.close();
        await store.close();
        personalVault.close();
        keys.close();
        lock.release();
      })();
      return closing;
    },
  };
}
