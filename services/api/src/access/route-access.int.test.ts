// Every route × every caller: the status each role gets. A route added without a row here fails
// the first test, so no route is left open by accident. Every API answer is no-store, and a key
// is the same caller however its header's scheme is spelled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, B, buildAccessTestApp, type CallerName, callers } from "../testing/access-app.js";

type Expected = Record<CallerName, number>;

interface Row {
  /** The route as registered: `METHOD /pattern`. */
  readonly route: string;
  /** The concrete request; `who` makes bodies unique per caller where a write must not collide. */
  readonly request: (who: CallerName) => { url: string; payload?: object; headers?: Record<string, string> };
  readonly expected: Expected;
  /** Server-Sent Events: checked over a real connection, reading only the status. */
  readonly stream?: boolean;
}

const everyone = (status: number): Expected => Object.fromEntries(callers.map((who) => [who, status])) as Expected;
const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
/** Admins and facilitators of A only (writes into A). */
const writersOfA = (status: number): Expected => ({
  admin: status,
  facilitatorA: status,
  facilitatorB: 403,
  researcherA: 403,
  agencyA: 403,
  anonymous: 401,
});
/** Member-level reads of A: admins, facilitators and researchers of A. */
const membersOfA = (status: number): Expected => ({ ...writersOfA(status), researcherA: status });
/** Community-level reads of A: everyone granted A, agencies included. */
const aggregatesOfA = (status: number): Expected => ({ ...membersOfA(status), agencyA: status });

const on = (url: string) => () => ({ url });
const csv =
  "memberId,displayName,sector,occupationalLayer,joinedAt\nnew-csv,Csv Person,education,professional,2025-02-01\n";

const rows: Row[] = [
  { route: "GET /healthz", request: on("/healthz"), expected: everyone(200) },
  { route: "GET /readyz", request: on("/readyz"), expected: everyone(200) },
  { route: "GET /", request: on("/"), expected: everyone(302) },
  { route: "GET /docs/json", request: on("/docs/json"), expected: everyone(200) },
  { route: "GET /v1/me", request: on("/v1/me"), expected: signedIn(200) },
  {
    route: "GET /v1/audit",
    request: on("/v1/audit"),
    expected: { ...signedIn(403), admin: 200 },
  },
  { route: "GET /v1/communities", request: on("/v1/communities"), expected: signedIn(200) },
  {
    route: "POST /v1/communities",
    // alpha exists already: allowed callers reach the decider, which refuses a second registration.
    request: () => ({ url: "/v1/communities", payload: { communityId: A, name: "Again", concern: "x" } }),
    expected: writersOfA(409),
  },
  { route: "GET /v1/communities/:id", request: on(`/v1/communities/${A}`), expected: aggregatesOfA(200) },
  {
    route: "POST /v1/communities/:id/members",
    request: (who) => ({
      url: `/v1/communities/${A}/members`,
      payload: { memberId: `new-${who}`, displayName: "New", sector: "health", occupationalLayer: "management" },
    }),
    expected: writersOfA(201),
  },
  {
    route: "PATCH /v1/communities/:id/members/:memberId",
    request: (who) => ({
      url: `/v1/communities/${A}/members/m-chiara`,
      payload: { occupationalLayer: "director", attributes: { team: who } },
    }),
    expected: writersOfA(201),
  },
  {
    route: "POST /v1/communities/:id/members/:memberId/leave",
    request: (who) => ({ url: `/v1/communities/${A}/members/leaver-${who}/leave`, payload: {} }),
    expected: writersOfA(201),
  },
  {
    route: "POST /v1/communities/:id/members/:memberId/erase",
    // The members joined by the row above.
    request: (who) => ({ url: `/v1/communities/${A}/members/new-${who}/erase`, payload: {} }),
    expected: writersOfA(201),
  },
  {
    route: "POST /v1/communities/:id/interactions",
    request: (who) => ({
      url: `/v1/communities/${A}/interactions`,
      payload: { interactionId: `i-${who}`, kind: "advice", from: "m-elin", to: ["m-farid"] },
    }),
    expected: writersOfA(201),
  },
  {
    route: "POST /v1/communities/:id/gatherings",
    request: (who) => ({
      url: `/v1/communities/${A}/gatherings`,
      payload: {
        gatheringId: `g-${who}`,
        format: "meeting",
        participants: [
          { memberId: "m-elin", role: "facilitator" },
          { memberId: "m-farid", role: "learner" },
        ],
      },
    }),
    expected: writersOfA(201),
  },
  {
    route: "POST /v1/communities/:id/retractions",
    request: (who) => ({
      url: `/v1/communities/${A}/retractions`,
      payload: { recordId: `retract-${who}`, reason: "logged twice" },
    }),
    expected: writersOfA(201),
  },
  {
    route: "POST /v1/communities/:id/events",
    request: (who) => ({
      url: `/v1/communities/${A}/events`,
      payload: {
        events: [
          {
            type: "MemberJoined",
            data: {
              memberId: `batch-${who}`,
              displayName: "Batch",
              sector: "health",
              occupationalLayer: "student",
              occurredAt: "2025-03-01T09:00:00Z",
            },
          },
        ],
      },
    }),
    expected: writersOfA(201),
  },
  {
    route: "POST /v1/communities/:id/imports/csv",
    request: () => ({
      url: `/v1/communities/${A}/imports/csv?kind=members&dryRun=true`,
      payload: Buffer.from(csv) as unknown as object,
      headers: { "content-type": "text/csv" },
    }),
    expected: writersOfA(200),
  },
  {
    route: "GET /v1/imports/csv/:kind/template",
    request: on("/v1/imports/csv/members/template"),
    expected: signedIn(200),
  },
  { route: "GET /v1/indicators", request: on("/v1/indicators"), expected: signedIn(200) },
  { route: "GET /v1/communities/:id/events", request: on(`/v1/communities/${A}/events`), expected: membersOfA(200) },
  {
    route: "GET /v1/communities/:id/export",
    request: on(`/v1/communities/${A}/export?format=ndjson`),
    expected: membersOfA(200),
  },
  { route: "GET /v1/communities/:id/graph", request: on(`/v1/communities/${A}/graph`), expected: membersOfA(200) },
  {
    route: "GET /v1/communities/:id/indicators",
    request: on(`/v1/communities/${A}/indicators`),
    expected: aggregatesOfA(200),
  },
  {
    route: "GET /v1/communities/:id/indicators/timeline",
    request: on(`/v1/communities/${A}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z`),
    expected: aggregatesOfA(200),
  },
  {
    route: "GET /v1/communities/:id/members",
    request: on(`/v1/communities/${A}/members`),
    expected: membersOfA(200),
  },
  {
    route: "GET /v1/communities/:id/members/:memberId",
    // The researcher names members by pseudonym: the real id is unknown to it (404), never shown.
    request: on(`/v1/communities/${A}/members/m-amira`),
    expected: { ...membersOfA(200), researcherA: 404 },
  },
  { route: "GET /v1/compare", request: on(`/v1/compare?communities=${A}`), expected: aggregatesOfA(200) },
  {
    route: "POST /v1/communities/:id/watches",
    request: () => ({
      url: `/v1/communities/${A}/watches`,
      payload: { condition: { kind: "no-gathering", days: 60 } },
    }),
    expected: writersOfA(201),
  },
  { route: "GET /v1/communities/:id/watches", request: on(`/v1/communities/${A}/watches`), expected: writersOfA(200) },
  {
    // No such watch: allowed callers get past the rule to the 404.
    route: "DELETE /v1/communities/:id/watches/:watchId",
    request: on(`/v1/communities/${A}/watches/w-none`),
    expected: writersOfA(404),
  },
  { route: "GET /v1/communities/:id/notices", request: on(`/v1/communities/${A}/notices`), expected: writersOfA(200) },
  {
    route: "GET /v1/communities/:id/watches/:watchId/deliveries",
    request: on(`/v1/communities/${A}/watches/w-none/deliveries`),
    expected: writersOfA(404),
  },
  {
    route: "POST /v1/communities/:id/surveys",
    request: (who) => ({
      url: `/v1/communities/${A}/surveys`,
      payload: { roundId: `r-${who}`, title: "Spring", closesAt: "2026-07-01T00:00:00Z" },
    }),
    expected: writersOfA(201),
  },
  { route: "GET /v1/communities/:id/surveys", request: on(`/v1/communities/${A}/surveys`), expected: membersOfA(200) },
  {
    // Links carry names and are credentials: the facilitator's alone.
    route: "POST /v1/communities/:id/surveys/:roundId/links",
    request: on(`/v1/communities/${A}/surveys/r-admin/links`),
    expected: writersOfA(200),
  },
  {
    route: "POST /v1/communities/:id/surveys/:roundId/links/:memberId",
    request: on(`/v1/communities/${A}/surveys/r-admin/links/m-amira`),
    expected: writersOfA(200),
  },
  {
    // Who has not answered, by name: not for researchers or agencies.
    route: "GET /v1/communities/:id/surveys/:roundId/tracking",
    request: on(`/v1/communities/${A}/surveys/r-admin/tracking`),
    expected: writersOfA(200),
  },
  {
    // Names for facilitators, pseudonyms for researchers, aggregates for agencies (small groups withheld).
    route: "GET /v1/communities/:id/surveys/:roundId/readings",
    request: on(`/v1/communities/${A}/surveys/r-admin/readings`),
    expected: aggregatesOfA(200),
  },
  {
    route: "GET /v1/communities/:id/surveys/:roundId/chain",
    request: on(`/v1/communities/${A}/surveys/r-admin/chain?permutations=10`),
    expected: aggregatesOfA(200),
  },
  {
    // As for /indicators: pseudonyms for researchers, aggregates for agencies.
    route: "GET /v1/communities/:id/surveys/:roundId/indicators",
    request: on(`/v1/communities/${A}/surveys/r-admin/indicators?indicators=network.density,reciprocity.dyadic`),
    expected: aggregatesOfA(200),
  },
  {
    route: "POST /v1/communities/:id/surveys/:roundId/answers.csv",
    request: () => ({
      url: `/v1/communities/${A}/surveys/r-admin/answers.csv`,
      payload: Buffer.from("respondent,named,question\nm-amira,m-bruno,ng.advice.v1\n") as unknown as object,
      headers: { "content-type": "text/csv" },
    }),
    expected: writersOfA(201),
  },
  {
    route: "POST /v1/communities/:id/surveys/:roundId/close",
    request: (who) => ({ url: `/v1/communities/${A}/surveys/r-${who}/close` }),
    expected: writersOfA(200),
  },
  // Respondents carry no key, only their link's token: without one, every caller gets the same 404.
  { route: "GET /v1/survey", request: on("/v1/survey"), expected: everyone(404) },
  {
    route: "PUT /v1/survey/answer",
    request: () => ({ url: "/v1/survey/answer", payload: { nominations: [], ratings: [], items: [] } }),
    expected: everyone(404),
  },
  { route: "POST /v1/survey/withdraw", request: on("/v1/survey/withdraw"), expected: everyone(404) },
  {
    route: "GET /v1/communities/:id/changes",
    request: on(`/v1/communities/${A}/changes`),
    expected: membersOfA(200),
    stream: true,
  },
];

/** Requests into B and into several communities: a grant for A opens nothing else. */
const crossRows: { name: string; method: "GET" | "POST"; url: string; payload?: object; expected: Expected }[] = [
  {
    name: "reading B",
    method: "GET",
    url: `/v1/communities/${B}/graph`,
    expected: { ...membersOfA(403), admin: 200, facilitatorB: 200 },
  },
  {
    name: "writing into B",
    method: "POST",
    url: `/v1/communities/${B}/interactions`,
    payload: { kind: "advice", from: `${B}-0`, to: [`${B}-2`] },
    expected: { ...writersOfA(403), admin: 201, facilitatorB: 201 },
  },
  {
    name: "comparing A with B",
    method: "GET",
    url: `/v1/compare?communities=${A},${B}`,
    expected: { ...aggregatesOfA(403), admin: 200 },
  },
  {
    name: "registering a community without naming it",
    method: "POST",
    url: "/v1/communities",
    payload: { name: "Unnamed", concern: "x" },
    expected: { ...writersOfA(403), admin: 201 },
  },
];

describe("access: every route × every role", () => {
  let t: AccessTestApp;
  let base: string;
  beforeAll(async () => {
    // Every row sends respondent requests without a token from one address: above the guessing limit.
    t = await buildAccessTestApp({ surveys: { respondentLimits: { misses: 1000 } } });
    base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => t?.close());

  it("every registered route declares its access rule and has a row in this table", () => {
    const registered = t.app.routeAccess();
    const undeclared = registered.filter((route) => route.access === undefined);
    expect(undeclared.map((route) => `${route.method} ${route.url}`)).toEqual([]);
    const covered = new Set(rows.map((row) => row.route));
    const missing = registered
      .filter((route) => route.method !== "HEAD" && !route.url.startsWith("/docs"))
      .map((route) => `${route.method} ${route.url}`)
      .filter((route) => !covered.has(route));
    expect(missing).toEqual([]);
    for (const route of registered.filter((r) => r.url.startsWith("/docs"))) {
      expect(route.access, route.url).toHaveProperty("public");
    }
  });

  for (const row of rows) {
    it(row.route, async () => {
      const [method] = row.route.split(" ") as ["GET" | "POST" | "PUT" | "PATCH" | "DELETE"];
      const got: Partial<Expected> = {};
      for (const who of callers) {
        const { url, payload, headers } = row.request(who);
        if (row.stream) {
          const abort = new AbortController();
          const response = await fetch(`${base}${url}`, { headers: t.headers[who], signal: abort.signal });
          got[who] = response.status;
          abort.abort();
          continue;
        }
        const response = await t.app.inject({
          method,
          url,
          headers: { ...t.headers[who], ...headers },
          ...(payload ? { payload } : {}),
        });
        got[who] = response.statusCode;
        if (response.statusCode === 401 || response.statusCode === 403) {
          expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
        }
        // Answers of the API may name people: no cache keeps them, refusals included.
        if (url.startsWith("/v1/")) expect(response.headers["cache-control"], `${who} ${url}`).toBe("no-store");
        // However the scheme is spelled, a key is the same caller (and the same rate-limit budget).
        if (method === "GET" && who !== "anonymous") {
          const secret = t.headers[who].authorization?.slice("Bearer ".length);
          const respelled = await t.app.inject({ method, url, headers: { authorization: `BEARER  ${secret}` } });
          expect(respelled.statusCode, `${who} ${url} as 'BEARER  <key>'`).toBe(response.statusCode);
        }
      }
      expect(got).toEqual(row.expected);
    });
  }

  for (const row of crossRows) {
    it(`a grant for A opens nothing else: ${row.name}`, async () => {
      const got: Partial<Expected> = {};
      for (const who of callers) {
        const response = await t.app.inject({
          method: row.method,
          url: row.url,
          headers: t.headers[who],
          ...(row.payload ? { payload: row.payload } : {}),
        });
        got[who] = response.statusCode;
      }
      expect(got).toEqual(row.expected);
    });
  }

  it("a refusal names what is missing", async () => {
    const response = await t.app.inject({ url: `/v1/communities/${B}/graph`, headers: t.headers.facilitatorA });
    expect(response.json()).toMatchObject({ status: 403, code: "forbidden" });
    expect(response.json().detail).toContain(`'${B}'`);
    const agency = await t.app.inject({ url: `/v1/communities/${A}/graph`, headers: t.headers.agencyA });
    expect(agency.json().detail).toContain("member-level");
  });

  it("an unknown key and a malformed header are 401 with a Bearer challenge", async () => {
    for (const authorization of ["Bearer cgk_not-a-key", "Basic dXNlcjpwYXNz", "Bearer"]) {
      const response = await t.app.inject({ url: "/v1/me", headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });

  it("lists only the communities the caller may see", async () => {
    const listed = async (who: CallerName) =>
      (await t.app.inject({ url: "/v1/communities", headers: t.headers[who] }))
        .json()
        .communities.map((c: { communityId: string }) => c.communityId);
    expect(await listed("admin")).toHaveLength(4);
    expect(await listed("facilitatorA")).toEqual([A]);
    expect(await listed("facilitatorB")).toEqual([B]);
    expect(await listed("agencyA")).toEqual([A]);
  });

  it("/v1/me tells the role, the communities and that keys are required", async () => {
    const me = (await t.app.inject({ url: "/v1/me", headers: t.headers.facilitatorA })).json();
    expect(me).toMatchObject({ role: "facilitator", communities: [A], development: false, minGroupSize: 5 });
    const admin = (await t.app.inject({ url: "/v1/me", headers: t.headers.admin })).json();
    expect(admin).toMatchObject({ role: "admin", communities: "all" });
  });
});
