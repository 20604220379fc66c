import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Communities, openCommunities, PersonalVault } from "@copgraph/community";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { type App, buildApp } from "../app.js";

export interface PooledApp {
  readonly app: App;
  readonly store: EventStore;
  readonly communities: Communities;
  close(): Promise<void>;
}

/**
 * An app on a real SQLite log whose core has real analytics threads with the settings given, and
 * a clock standing at `now`; `seed` records what the test reads before the app is built.
 */
export async function buildPooledApp(options: {
  readonly now: Date;
  readonly analytics: { readonly threads: number; readonly budgetMs: number };
  readonly heavyRequestsPerKey?: number;
  readonly seed?: (store: EventStore, communities: Communities) => Promise<unknown>;
}): Promise<PooledApp> {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-pooled-"));
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const vault = PersonalVault.inMemory();
  const clock = () => options.now;
  const communities = await openCommunities(store, vault, clock, { analytics: options.analytics });
  await options.seed?.(store, communities);
  const app = await buildApp({
    store,
    personalVault: vault,
    communities,
    clock,
    ...(options.heavyRequestsPerKey === undefined ? {} : { heavyRequestsPerKey: options.heavyRequestsPerKey }),
  });
  return {
    app,
    store,
    communities,
    async close() {
      await app.close();
      await communities.close();
      await store.close();
      vault.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
