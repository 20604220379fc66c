import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../services/api/src/testing/test-app.js";
import {
  community,
  containing,
  eraseAndTryAReasonAfter,
  erasedId,
  filesUnder,
  kept,
  personal,
  type Send,
  secrets,
  seedPrivacyCommunity,
} from "../support/privacy-seed.js";

// The acceptance test of erasure: a member with a distinctive name, notes, topics, ties and
// gatherings is erased; afterwards no response of any role, export, log page, snapshot or byte of
// any file under the data folder (event log, vault, key store, WAL and SHM included) holds any of
// it, and every indicator is unchanged. In a survey round, the ratings and items they gave and the
// ratings given about them go too (the readings stop counting them), their ties stay.
// erasure-process.int.test.ts does the same for the files of a real server stopped cleanly and killed.

const query = "at=2026-05-01T00:00:00Z&knownAt=2026-06-01T12:00:00Z";
/** A survey round in which the erased member and m1 named and rated each other, and m2 rated both. */
const surveyRound = "privacy-round";
const surveyTokens: Record<string, string> = {};
/** The answers' ratings and items, each distinct, so that their bytes can be looked for in every file. */
const survey = {
  erasedRatesM1: { reliable: 1, commonConcern: 2, openToDiscussion: 1 },
  erasedItems: [{ question: "ci.learn-teach.v1", value: 5 }],
  m1RatesErased: { reliable: 4, commonConcern: 3, openToDiscussion: 4 },
  m2RatesErased: { reliable: 2, commonConcern: 4 },
  m2RatesM1: { reliable: 3 },
  m2Items: [{ question: "ci.learn-teach.v1", value: 2 }],
};
/** What erasure deletes: the ratings and items the member gave and every rating about them. */
const surveySecrets = [survey.erasedRatesM1, survey.erasedItems, survey.m1RatesErased, survey.m2RatesErased].map(
  (value) => JSON.stringify(value),
);
/** What stays: another respondent's rating of another member, and their items. */
const surveyKept = [survey.m2RatesM1, survey.m2Items].map((value) => JSON.stringify(value));
const surveyReadings = `/v1/communities/${community}/surveys/${surveyRound}/readings`;
/** Before the member left (day 115), so they are a node of the graph. */
const whileMember = "at=2025-04-20T00:00:00Z&knownAt=2026-06-01T12:00:00Z";

let test: TestApp;
const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await test.app.inject({ method: "GET", url: path, headers });
  expect(response.statusCode, `${path}: ${response.body.slice(0, 200)}`).toBe(200);
  return response.body;
};

/** Every GET a reader can make about the community (names, analytics, exports, log pages). */
const readPaths = [
  "/v1/communities",
  `/v1/communities/${community}`,
  `/v1/communities/${community}/events?limit=10000`,
  `/v1/communities/${community}/events?from=5&limit=3`,
  `/v1/communities/${community}/graph?${query}`,
  `/v1/communities/${community}/graph?${query}&format=gexf`,
  `/v1/communities/${community}/graph?${query}&format=graphml`,
  `/v1/communities/${community}/indicators?${query}`,
  `/v1/communities/${community}/indicators?${query}&attribute=occupationalLayer`,
  `/v1/communities/${community}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2026-05-01T00:00:00Z&step=P3M`,
  `/v1/communities/${community}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2026-05-01T00:00:00Z&step=P3M&format=csv`,
  `/v1/communities/${community}/members/${erasedId}?${whileMember}`,
  `/v1/communities/${community}/members/m1?${query}`,
  `/v1/compare?communities=${community}&${query}`,
  ...["ndjson", "gexf", "graphml", "indicators-csv"].map(
    (format) => `/v1/communities/${community}/export?format=${format}&${query}`,
  ),
  `/v1/communities/${community}/export?format=research&key=a-research-key-of-some-length&${query}`,
  `/v1/communities/${community}/surveys`,
  `/v1/communities/${community}/surveys/${surveyRound}/tracking`,
  surveyReadings,
];

/** The indicator readings (and the graph they come from), without the fields that name the time of asking. */
const analyticsPaths = [
  `/v1/communities/${community}/indicators?${query}`,
  `/v1/communities/${community}/indicators?${query}&attribute=occupationalLayer`,
  `/v1/communities/${community}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2026-05-01T00:00:00Z&step=P3M`,
  `/v1/communities/${community}/graph?${query}`,
  `/v1/communities/${community}/members/m1?${query}`,
  `/v1/communities/${community}/members/${erasedId}?${whileMember}`,
  `/v1/communities/${community}/graph?${whileMember}`,
  `/v1/communities/${community}/indicators?${whileMember}`,
  `/v1/compare?communities=${community}&${query}`,
];
const readings = async () => {
  const values: Record<string, unknown> = {};
  for (const path of analyticsPaths) {
    const body = JSON.parse(await get(path));
    // The revision grows by the erasure event itself, and the name goes; everything computed must not move.
    const changing = new Set(["revision", "displayName", "organisation"]);
    values[path] = JSON.parse(JSON.stringify(body, (key, value) => (changing.has(key) ? undefined : value)));
  }
  return values;
};

let before: Record<string, unknown>;
/** The round's readings before the erasure. */
let surveyBefore: { trustValue: { byMember: Record<string, Record<string, unknown>> }; reciprocity: unknown };

const send: Send = async (method, url, payload, headers = {}) => {
  const response = await test.app.inject({ method, url, payload, headers });
  return { status: response.statusCode, body: response.body };
};

/** A key per role that reads the community (callers without a key act as admin here). */
const roleHeaders: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  test = await buildTestApp({ keys: true });
  const keys = test.keys!;
  for (const role of ["facilitator", "researcher", "agency"] as const) {
    roleHeaders[role] = { authorization: `Bearer ${keys.create({ role, communities: [community] }).secret}` };
  }
  roleHeaders.admin = { authorization: `Bearer ${keys.create({ role: "admin" }).secret}` };
  await seedPrivacyCommunity(send);
  await answerASurvey();
  before = await readings();
  surveyBefore = JSON.parse(await get(surveyReadings));
});
afterAll(() => test.close());

/** m1 and the member to be erased answer a round, naming and rating each other; m2 names and rates both. */
async function answerASurvey(): Promise<void> {
  const opened = await send("POST", `/v1/communities/${community}/surveys`, {
    roundId: surveyRound,
    title: "Spring",
    closesAt: "2026-07-01T00:00:00Z",
    roster: ["m1", erasedId, "m2"],
  });
  expect(opened.status, opened.body).toBe(201);
  const links = JSON.parse((await send("POST", `/v1/communities/${community}/surveys/${surveyRound}/links`, {})).body);
  for (const { memberId, link } of links.links) surveyTokens[memberId] = link.split("#/survey/")[1];
  const answers = {
    [erasedId]: {
      nominations: [{ question: "ng.advice.v1", named: ["m1"] }],
      ratings: [{ memberId: "m1", trust: survey.erasedRatesM1 }],
      items: survey.erasedItems,
    },
    m1: {
      nominations: [{ question: "ng.advice.v1", named: [erasedId] }],
      ratings: [{ memberId: erasedId, trust: survey.m1RatesErased }],
      items: [],
    },
    m2: {
      nominations: [{ question: "ng.advice.v1", named: ["m1", erasedId] }],
      ratings: [
        { memberId: "m1", trust: survey.m2RatesM1 },
        { memberId: erasedId, trust: survey.m2RatesErased },
      ],
      items: survey.m2Items,
    },
  };
  for (const [from, payload] of Object.entries(answers)) {
    const answered = await test.app.inject({
      method: "PUT",
      url: "/v1/survey/answer",
      headers: { "x-survey-token": surveyTokens[from] as string },
      payload,
    });
    expect(answered.statusCode, answered.body).toBe(200);
  }
}

describe("before the erasure", () => {
  it("the names and notes are shown to a caller who may see them", async () => {
    const log = await get(`/v1/communities/${community}/events?limit=10000`);
    // Never stored at all: the client's request id and Idempotency-Key, and what erasure refuses.
    const never = [personal.requestId, personal.idempotencyKey, personal.reasonAfterErasure];
    expect(containing(log, secrets)).toEqual(secrets.filter((secret) => !never.includes(secret)));
    const member = JSON.parse(await get(`/v1/communities/${community}/members/${erasedId}?${whileMember}`));
    expect(member.member.attributes).toMatchObject({
      displayName: personal.newName,
      organisation: personal.organisation,
    });
  });

  it("the event log file never holds them: they live in the vault", () => {
    for (const { file, bytes } of filesUnder(test.dataDir)) {
      if (file.startsWith("personal")) continue;
      expect(containing(bytes, [...secrets, kept.name, kept.notes, ...surveySecrets, ...surveyKept]), file).toEqual([]);
    }
    const vault = Buffer.concat(
      filesUnder(test.dataDir).flatMap(({ file, bytes }) => (file.startsWith("personal") ? [bytes] : [])),
    );
    expect(containing(vault, [...surveySecrets, ...surveyKept])).toEqual([...surveySecrets, ...surveyKept]);
  });

  it("the survey readings count the ratings given by and about the member", () => {
    const { byMember } = surveyBefore.trustValue;
    expect(byMember[erasedId]).toMatchObject({ trustRatingsGiven: 1, trustRatingsReceived: 2 });
    expect(byMember.m1).toMatchObject({ trustRatingsGiven: 1, trustRatingsReceived: 2 });
    expect(byMember.m2).toMatchObject({ trustRatingsGiven: 2, trustRatingsReceived: 0 });
  });
});

describe("after the erasure", () => {
  beforeAll(async () => {
    await eraseAndTryAReasonAfter(send);
  });

  it("no response of any GET route holds the name or the notes, for any role", async () => {
    for (const [role, headers] of Object.entries(roleHeaders)) {
      for (const path of readPaths) {
        for (const accept of ["application/json", "application/x-ndjson"]) {
          const response = await test.app.inject({ method: "GET", url: path, headers: { ...headers, accept } });
          // A role may be refused a route (an agency reads no event log), or know the member under
          // a pseudonym (a researcher): then that answer is checked.
          expect([200, 403, 404], `${role} ${path}: ${response.body.slice(0, 200)}`).toContain(response.statusCode);
          expect(containing(response.body, secrets), `${role} ${path} (${accept})`).toEqual([]);
        }
      }
    }
  });

  it("every indicator equals its value before the erasure", async () => {
    expect(await readings()).toEqual(before);
  });

  it("no byte of any file under the data folder (log, vault, key store, WAL, SHM) holds them", () => {
    const files = filesUnder(test.dataDir);
    expect(files.map(({ file }) => file)).toEqual(
      expect.arrayContaining(["events.sqlite", "personal.sqlite", "access.sqlite", "surveys.sqlite"]),
    );
    for (const { file, bytes } of files) expect(containing(bytes, [...secrets, ...surveySecrets]), file).toEqual([]);
    // The others' ratings of each other and their items stay.
    const vault = Buffer.concat(files.flatMap(({ file, bytes }) => (file.startsWith("personal") ? [bytes] : [])));
    expect(containing(vault, surveyKept)).toEqual(surveyKept);
  });

  it("the survey readings no longer count the ratings given by or about the member; the ties still count", async () => {
    const after = JSON.parse(await get(surveyReadings));
    const { byMember } = after.trustValue;
    for (const count of ["trustRatingsGiven", "trustRatingsReceived"])
      expect(byMember[erasedId]?.[count] ?? 0, count).toBe(0);
    expect(byMember.m1).toMatchObject({ trustRatingsGiven: 0, trustRatingsReceived: 1 });
    expect(byMember.m2).toMatchObject({ trustRatingsGiven: 1, trustRatingsReceived: 0 });
    expect(after.responseRate).toMatchObject({ respondents: 3 });
    expect(after.reciprocity).toEqual(surveyBefore.reciprocity);
  });

  it("the erased member stays as an anonymous node; the others keep their names", async () => {
    const member = JSON.parse(await get(`/v1/communities/${community}/members/${erasedId}?${whileMember}`));
    expect(member.member.attributes).not.toHaveProperty("displayName");
    const log = await get(`/v1/communities/${community}/events?limit=10000`);
    expect(containing(log, [kept.name, kept.notes])).toEqual([kept.name, kept.notes]);
    const joined = JSON.parse(log).events.find((event: { type: string; data: { memberId?: string } }) => {
      return event.type === "MemberJoined" && event.data.memberId === erasedId;
    });
    expect(joined.data.displayName).toBe("(erased)");
  });

  it("their survey answer stays as anonymous ties, their name leaves the others' rosters, and their link opens nothing", async () => {
    const stream = await test.store.readStream(`surveys-${community}-${surveyRound}`);
    const ties = stream
      .filter((event) => event.type === "SurveyAnswered")
      .map((event) => `${event.data.respondent}>${(event.data.nominations as { named: string[] }[])[0]?.named}`);
    expect(ties).toEqual([`${erasedId}>m1`, `m1>${erasedId}`, `m2>m1,${erasedId}`]);
    const shown = await test.app.inject({
      url: "/v1/survey",
      headers: { "x-survey-token": surveyTokens.m1 as string },
    });
    expect(shown.statusCode).toBe(200);
    expect(containing(shown.body, secrets)).toEqual([]);
    expect(JSON.parse(shown.body).roster).toContainEqual({ memberId: erasedId });
    const theirs = await test.app.inject({
      url: "/v1/survey",
      headers: { "x-survey-token": surveyTokens[erasedId] as string },
    });
    expect(theirs.statusCode).toBe(404);
  });

  it("a second erasure is refused and changes nothing", async () => {
    const again = await test.app.inject({
      method: "POST",
      url: `/v1/communities/${community}/members/${erasedId}/erase`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });
});
