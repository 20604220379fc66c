// The route × role matrix: the status each caller gets from each route (route-access.int.test.ts).
import { A, type CallerName, callers } from "./access-app.js";

export type Expected = Record<CallerName, number>;

export interface Row {
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
export const writersOfA = (status: number): Expected => ({
  admin: status,
  facilitatorA: status,
  facilitatorB: 403,
  researcherA: 403,
  agencyA: 403,
  anonymous: 401,
});
/** Member-level reads of A: admins, facilitators and researchers of A. */
export const membersOfA = (status: number): Expected => ({ ...writersOfA(status), researcherA: status });
/** Community-level reads of A: everyone granted A, agencies included. */
export const aggregatesOfA = (status: number): Expected => ({ ...membersOfA(status), agencyA: status });

const on = (url: string) => () => ({ url });
const csv =
  "memberId,displayName,sector,occupationalLayer,joinedAt\nnew-csv,Csv Person,education,professional,2025-02-01\n";

export const rows: Row[] = [
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
