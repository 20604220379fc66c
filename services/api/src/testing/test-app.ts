import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PersonalVault } from "@copgraph/community";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { ACCESS_FILE, AccessKeyStore } from "../access/key-store.js";
import { type App, type AppDependencies, buildApp } from "../app.js";
import { SURVEYS_FILE } from "../surveys/survey-links.js";

export const TEST_NOW = new Date("2026-06-01T12:00:00.000Z");

export interface TestApp {
  readonly app: App;
  /** The temporary data folder: the event log and the personal-data vault. */
  readonly dataDir: string;
  readonly store: EventStore;
  readonly personalVault: PersonalVault;
  /** With `keys: true`: the key store in the data folder (callers without a key still act as admin). */
  readonly keys?: AccessKeyStore;
  /** Number of events in the whole log, to assert that a rejected request stored nothing. */
  countEvents(): Promise<number>;
  close(): Promise<void>;
}

/** The real app on a real SQLite log in a temporary folder, with a fixed clock (and the given HTTP limits). */
export async function buildTestApp({
  keys: withKeys = false,
  ...options
}: Pick<AppDependencies, "http" | "webRoot"> & { keys?: boolean } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-api-"));
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const personalVault = PersonalVault.inDataDir(dir);
  const keys = withKeys ? new AccessKeyStore(join(dir, ACCESS_FILE), () => TEST_NOW) : undefined;
  const app = await buildApp({
    store,
    personalVault,
    clock: () => TEST_NOW,
    // In the folder, so tests that read every file of it (erasure) read the survey links' too.
    surveys: { file: join(dir, SURVEYS_FILE) },
    ...(keys ? { access: { keys, development: true } } : {}),
    ...options,
  });
  return {
    app,
    dataDir: dir,
    store,
    personalVault,
    ...(keys ? { keys } : {}),
    async countEvents() {
      return (await store.readAll({ maxCount: Number.MAX_SAFE_INTEGER })).length;
    },
    async close() {
      await app.close();
      await store.close();
      personalVault.close();
      keys?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A community with three members (two sectors) and one interaction, through the API: revision 4. */
export async function seedCommunity(app: App, communityId = "town") {
  const post = (url: string, payload: object) => app.inject({ method: "POST", url, payload });
  const registered = await post("/v1/communities", {
    communityId,
    name: "Healthy town",
    concern: "healthy lifestyle",
    occurredAt: "2025-01-01T09:00:00Z",
  });
  if (registered.statusCode !== 201) throw new Error(`seed failed: ${registered.body}`);
  const members = [
    { memberId: "ana", displayName: "Ana", sector: "education", occupationalLayer: "professional" },
    { memberId: "ben", displayName: "Ben", sector: "business", occupationalLayer: "director" },
    { memberId: "cem", displayName: "Cem", sector: "education", occupationalLayer: "student" },
  ];
  for (const member of members) {
    const joined = await post(`/v1/communities/${communityId}/members`, {
      ...member,
      occurredAt: "2025-01-02T09:00:00Z",
    });
    if (joined.statusCode !== 201) throw new Error(`seed failed: ${joined.body}`);
  }
  const interaction = await post(`/v1/communities/${communityId}/interactions`, {
    interactionId: "seed-i",
    kind: "advice",
    from: "ana",
    to: ["ben"],
    occurredAt: "2025-01-10T09:00:00Z",
  });
  if (interaction.statusCode !== 201) throw new Error(`seed failed: ${interaction.body}`);
  return { communityId, memberIds: members.map((m) => m.memberId), revision: 4 };
}
