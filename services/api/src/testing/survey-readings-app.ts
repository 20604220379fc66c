// The small survey round the readings tests work by hand: five members of "grove", four answer,
// one answers and withdraws; recorded advice in the 12 months before the round opened and before.
// A real app with API keys (minimum group size 2) and a clock the test moves.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SURVEY_TOKEN_HEADER } from "@copgraph/contract";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { AccessKeyStore } from "../access/key-store.js";
import { type App, buildApp } from "../app.js";

export const C = "grove";
/** Small, so that one group is shown to the agency and others are not. */
export const MIN_GROUP_SIZE = 2;

export const members = [
  { memberId: "ana", displayName: "Ana Amsel", sector: "education", occupationalLayer: "professional" },
  { memberId: "ben", displayName: "Ben Brandt", sector: "education", occupationalLayer: "professional" },
  { memberId: "cem", displayName: "Cem Cakir", sector: "business", occupationalLayer: "director" },
  { memberId: "dan", displayName: "Dan Dorn", sector: "business", occupationalLayer: "student" },
  { memberId: "eva", displayName: "Eva Ernst", sector: "education", occupationalLayer: "student" },
];
export const memberIds = members.map((member) => member.memberId);

const three = (score: number) => ({ reliable: score, commonConcern: score, openToDiscussion: score });
/** The answers; a rating's trust score is the mean of the dimensions given. */
export const answers = {
  ana: {
    nominations: [{ question: "ng.advice.v1", named: ["ben", "cem"] }],
    ratings: [
      { memberId: "ben", trust: three(4), value: { influence: 2, involvement: 2, resources: 2 } }, // 4, 2
      { memberId: "cem", trust: three(3) }, // 3
    ],
    items: [],
  },
  ben: {
    nominations: [
      { question: "ng.advice.v1", named: ["ana"] },
      { question: "ng.knowledge.v1", named: ["dan", "eva"] },
    ],
    ratings: [
      { memberId: "ana", trust: three(3), value: { influence: 4 } }, // 3, 4
      { memberId: "dan", trust: { reliable: 1 } }, // 1
    ],
    items: [],
  },
  cem: {
    nominations: [{ question: "ng.advice.v1", named: ["ana", "ben"] }],
    ratings: [{ memberId: "ana", trust: { reliable: 4, commonConcern: 3 }, value: { involvement: 3, resources: 3 } }], // 3.5, 3
    items: [],
  },
  dan: { nominations: [{ question: "ng.collaboration.v1", named: ["cem"] }], ratings: [], items: [] },
  eva: {
    nominations: [{ question: "ng.advice.v1", named: ["ana"] }],
    ratings: [{ memberId: "ana", trust: three(4) }],
    items: [],
  },
};

export interface ReadingsApp {
  readonly app: App;
  readonly headers: Record<
    "admin" | "facilitator" | "researcher" | "agency" | "otherFacilitator",
    Record<string, string>
  >;
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function buildReadingsApp(): Promise<ReadingsApp> {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-survey-readings-"));
  const store: EventStore = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  let now = new Date("2026-06-01T12:00:00.000Z");
  const clock = () => now;
  const keys = new AccessKeyStore(join(dir, "access.sqlite"), clock);
  const app = await buildApp({
    store,
    clock,
    access: { keys, development: false, minGroupSize: MIN_GROUP_SIZE },
    surveys: { publicUrl: () => "https://surveys.example.org" },
  });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const headers = {
    admin: bearer(keys.create({ role: "admin" }).secret),
    facilitator: bearer(keys.create({ role: "facilitator", communities: [C] }).secret),
    researcher: bearer(keys.create({ role: "researcher", communities: [C] }).secret),
    agency: bearer(keys.create({ role: "agency", communities: [C] }).secret),
    otherFacilitator: bearer(keys.create({ role: "facilitator", communities: ["elsewhere"] }).secret),
  };
  return {
    app,
    headers,
    setNow: (iso) => {
      now = new Date(iso);
    },
    async close() {
      await app.close();
      await store.close();
      keys.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fails with the answer's body unless the request succeeded. */
function succeeded<R extends { statusCode: number; body: string }>(what: string, response: R): R {
  if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response;
}

/**
 * Records the example: members, recorded advice, the round "spring" (open 2026-06-01 to 06-30),
 * every answer (ana at 06-02 09:00, the others at 10:00), eva's withdrawal at 06-05; leaves the
 * clock at 2026-06-10T12:00Z. Returns the respondents' link tokens.
 */
export async function seedRound(t: ReadingsApp): Promise<Record<string, string>> {
  const post = async (url: string, payload?: object) =>
    succeeded(
      url,
      await t.app.inject({ method: "POST", url, headers: t.headers.facilitator, ...(payload && { payload }) }),
    );
  succeeded(
    "register",
    await t.app.inject({
      method: "POST",
      url: "/v1/communities",
      headers: t.headers.admin,
      payload: { communityId: C, name: "Grove", concern: "healthy lifestyle", occurredAt: "2025-01-01T09:00:00Z" },
    }),
  );
  for (const member of members)
    await post(`/v1/communities/${C}/members`, { ...member, occurredAt: "2025-01-02T09:00:00Z" });
  const interaction = (id: string, from: string, to: string, occurredAt: string) =>
    post(`/v1/communities/${C}/interactions`, { interactionId: id, kind: "advice", from, to: [to], occurredAt });
  // In the window (2025-06-01 to the round's opening): ana and ben advise each other at the same
  // instant (reciprocity, no reversal); cem advises dan, later dan advises cem (reversal and reciprocity).
  await interaction("i-ab", "ana", "ben", "2025-09-01T09:00:00Z");
  await interaction("i-ba", "ben", "ana", "2025-09-01T09:00:00Z");
  await interaction("i-cd", "cem", "dan", "2025-10-01T09:00:00Z");
  await interaction("i-dc", "dan", "cem", "2025-11-01T09:00:00Z");
  // Before the window: would make ana–cem a reversal.
  await interaction("i-ac", "ana", "cem", "2025-03-01T09:00:00Z");
  await interaction("i-ca", "cem", "ana", "2025-04-01T09:00:00Z");
  await post(`/v1/communities/${C}/surveys`, {
    roundId: "spring",
    title: "Spring 2026",
    opensAt: "2026-06-01T00:00:00Z",
    closesAt: "2026-06-30T00:00:00Z",
  });
  const issued = await post(`/v1/communities/${C}/surveys/spring/links`);
  const tokens: Record<string, string> = Object.fromEntries(
    (issued.json().links as { memberId: string; link: string }[]).map(({ memberId, link }) => [
      memberId,
      link.split("#/survey/")[1]!,
    ]),
  );
  const asRespondent = (memberId: string) => ({ [SURVEY_TOKEN_HEADER]: tokens[memberId]! });
  const answer = async (memberId: keyof typeof answers) =>
    succeeded(
      `${memberId} answers`,
      await t.app.inject({
        method: "PUT",
        url: "/v1/survey/answer",
        headers: asRespondent(memberId),
        payload: answers[memberId],
      }),
    );
  t.setNow("2026-06-02T09:00:00.000Z");
  await answer("ana");
  t.setNow("2026-06-02T10:00:00.000Z");
  for (const memberId of ["ben", "cem", "dan", "eva"] as const) await answer(memberId);
  t.setNow("2026-06-05T10:00:00.000Z");
  succeeded(
    "eva withdraws",
    await t.app.inject({ method: "POST", url: "/v1/survey/withdraw", headers: asRespondent("eva") }),
  );
  t.setNow("2026-06-10T12:00:00.000Z");
  return tokens;
}
