// Every route × every caller: the status each role gets. A route added without a row here fails
// the first test, so no route is left open by accident. Every API answer is no-store, and a key
// is the same caller however its header's scheme is spelled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, B, buildAccessTestApp, type CallerName, callers } from "../testing/access-app.js";
import { aggregatesOfA, type Expected, membersOfA, rows, writersOfA } from "../testing/route-access-rows.js";

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
