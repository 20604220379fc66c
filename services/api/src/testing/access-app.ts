import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteEventStore } from "@copgraph/event-store";
import { AccessKeyStore } from "../access/key-store.js";
import { type App, type AppDependencies, buildApp } from "../app.js";
import { TEST_NOW } from "./test-app.js";

/** The callers of the route × role table: one key per role, and a caller without a key. */
export const callers = ["admin", "facilitatorA", "facilitatorB", "researcherA", "agencyA", "anonymous"] as const;
export type CallerName = (typeof callers)[number];

export const A = "alpha";
export const B = "beta";
/** A community of three members: smaller than the minimum group size. */
export const SMALL = "gamma";

/** Everything personal the seed records: no researcher response may contain any of it. */
export const personal = {
  names: ["Amira Solberg", "Bruno Castellanos", "Chiara Lindqvist", "Dmitri Okonkwo", "Elin Haraldsen", "Farid Moreau"],
  organisations: ["Northfield School", "Castellanos Bakery"],
  freeText: ["confided about burnout", "Riverside Library", "Spring workshop on compost", "a private community"],
  memberIds: ["m-amira", "m-bruno", "m-chiara", "m-dmitri", "m-elin", "m-farid"],
};

export interface AccessTestApp {
  readonly app: App;
  readonly keys: AccessKeyStore;
  /** The key store's file, for a second store as the `copgraph keys` commands open it. */
  readonly accessFile: string;
  /** The `Authorization` header of each caller (none for the anonymous one). */
  readonly headers: Record<CallerName, Record<string, string>>;
  readonly secrets: Record<Exclude<CallerName, "anonymous">, string>;
  close(): Promise<void>;
}

/** The real app with API keys required (not development mode), three communities, one key per role. */
export async function buildAccessTestApp(
  options: Pick<AppDependencies, "http" | "changesHeartbeatMs" | "surveys"> = {},
): Promise<AccessTestApp> {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-access-"));
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const accessFile = join(dir, "access.sqlite");
  const keys = new AccessKeyStore(accessFile, () => TEST_NOW);
  const app = await buildApp({ store, clock: () => TEST_NOW, access: { keys, development: false }, ...options });
  const secrets = {
    admin: keys.create({ role: "admin", label: "ops" }).secret,
    facilitatorA: keys.create({ role: "facilitator", communities: [A], label: "alpha facilitator" }).secret,
    facilitatorB: keys.create({ role: "facilitator", communities: [B] }).secret,
    researcherA: keys.create({ role: "researcher", communities: [A] }).secret,
    agencyA: keys.create({ role: "agency", communities: [A] }).secret,
  };
  const headers = {
    ...Object.fromEntries(
      Object.entries(secrets).map(([name, secret]) => [name, { authorization: `Bearer ${secret}` }]),
    ),
    anonymous: {},
  } as Record<CallerName, Record<string, string>>;
  await seed(app, headers.admin);
  return {
    app,
    keys,
    accessFile,
    headers,
    secrets,
    async close() {
      await app.close();
      await store.close();
      keys.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seed(app: App, headers: Record<string, string>): Promise<void> {
  const post = async (url: string, payload: object) => {
    const response = await app.inject({ method: "POST", url, payload, headers });
    if (response.statusCode !== 201) throw new Error(`seed ${url} failed: ${response.body}`);
  };
  const register = (communityId: string, description?: string) =>
    post("/v1/communities", {
      communityId,
      name: `Community ${communityId}`,
      concern: "healthy lifestyle",
      ...(description ? { description } : {}),
      occurredAt: "2025-01-01T09:00:00Z",
    });
  const join = (communityId: string, memberId: string, displayName: string, sector: string, organisation?: string) =>
    post(`/v1/communities/${communityId}/members`, {
      memberId,
      displayName,
      sector,
      occupationalLayer: "professional",
      ...(organisation ? { organisation } : {}),
      occurredAt: "2025-01-02T09:00:00Z",
    });

  await register(A, "a private community");
  // Four in education, two in business: the business group is below the minimum size of 5.
  const sectors = ["education", "business", "education", "education", "education", "business"];
  for (const [index, memberId] of personal.memberIds.entries()) {
    const organisation = index === 0 ? personal.organisations[0] : index === 1 ? personal.organisations[1] : undefined;
    await join(A, memberId, personal.names[index]!, sectors[index]!, organisation);
  }
  for (const [index, memberId] of personal.memberIds.entries()) {
    await post(`/v1/communities/${A}/interactions`, {
      interactionId: `seed-${index}`,
      kind: "advice",
      from: memberId,
      to: [personal.memberIds[(index + 1) % personal.memberIds.length]],
      ...(index === 0 ? { notes: personal.freeText[0] } : {}),
      occurredAt: `2025-01-1${index}T09:00:00Z`,
    });
  }
  await post(`/v1/communities/${A}/gatherings`, {
    gatheringId: "seed-g",
    format: "workshop",
    title: personal.freeText[2],
    place: personal.freeText[1],
    participants: [
      { memberId: "m-amira", role: "facilitator" },
      { memberId: "m-bruno", role: "learner" },
    ],
    occurredAt: "2025-01-20T09:00:00Z",
  });
  // Members who leave and records retracted by the roles allowed to write in alpha.
  for (const who of ["admin", "facilitatorA"]) {
    await join(A, `leaver-${who}`, `Leaver ${who}`, "education");
    await post(`/v1/communities/${A}/interactions`, {
      interactionId: `retract-${who}`,
      kind: "advice",
      from: "m-amira",
      to: ["m-bruno"],
      occurredAt: "2025-01-21T09:00:00Z",
    });
  }
  for (const communityId of [B, SMALL]) {
    await register(communityId);
    for (const [index, name] of ["Gus", "Hana", "Ivo"].entries()) {
      await join(communityId, `${communityId}-${index}`, `${name} of ${communityId}`, "education");
    }
    await post(`/v1/communities/${communityId}/interactions`, {
      kind: "advice",
      from: `${communityId}-0`,
      to: [`${communityId}-1`],
      occurredAt: "2025-01-10T09:00:00Z",
    });
  }
}
