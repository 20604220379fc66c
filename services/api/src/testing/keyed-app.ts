import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteEventStore } from "@copgraph/event-store";
import { AccessKeyStore } from "../access/key-store.js";
import { type App, type AppDependencies, buildApp } from "../app.js";
import { TEST_NOW } from "./test-app.js";

export interface KeyedTestApp {
  readonly app: App;
  readonly keys: AccessKeyStore;
  /** `Authorization` of an admin key. */
  readonly admin: { authorization: string };
  close(): Promise<void>;
}

/**
 * The real app with an empty log and a key store: local development (a caller without a key acts
 * as admin) or keys required.
 */
export async function buildKeyedTestApp(
  options: { development: boolean } & Pick<AppDependencies, "http">,
): Promise<KeyedTestApp> {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-keyed-"));
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const keys = new AccessKeyStore(join(dir, "access.sqlite"), () => TEST_NOW);
  const { development, ...rest } = options;
  const app = await buildApp({ store, clock: () => TEST_NOW, access: { keys, development }, ...rest });
  return {
    app,
    keys,
    admin: { authorization: `Bearer ${keys.create({ role: "admin" }).secret}` },
    async close() {
      await app.close();
      await store.close();
      keys.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
