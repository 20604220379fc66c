import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, buildAccessTestApp, type CallerName } from "../testing/access-app.js";
import { fuzzRuns } from "../testing/fuzz-runs.js";

// Every query parameter of every read route, with arbitrary and edge-case values, as the admin,
// a researcher and an agency (each role reads through its own code path): never a 5xx, and a
// refusal is problem+json. COPGRAPH_FUZZ_RUNS sets the random runs per route and property (a few
// by default, so `npm test` stays fast; e.g. COPGRAPH_FUZZ_RUNS=2000 for a deliberate run).
// The change stream is left out: it answers with a stream that stays open.

const RUNS = fuzzRuns(20);

/** Durations that are zero, negative, too long for any date, or not durations at all. */
const edgeDurations = [
  "PT0S",
  "P0D",
  "P0Y0M0W0DT0H0M0S",
  "-P1D",
  "P-1D",
  "+P1D",
  "P999999Y",
  "P270000Y",
  "P9007199254740993D",
  `P${"9".repeat(305)}D`,
  `P${"9".repeat(400)}Y`,
  "PT0.0000000001S",
  "P1Y2M3W4DT5H6M7.5S",
  "P1e3D",
  "P",
  "PT",
  "P1DT",
  "p1d",
  " P1D",
  "",
];
const digits = fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 30n })).map(String);
const anyDuration = fc
  .record(
    { Y: digits, M: digits, W: digits, D: digits, H: digits, m: digits, S: digits },
    { requiredKeys: [] as never[] },
  )
  .map(({ Y, M, W, D, H, m, S }) => {
    const date = [Y && `${Y}Y`, M && `${M}M`, W && `${W}W`, D && `${D}D`].join("");
    const time = [H && `${H}H`, m && `${m}M`, S && `${S}S`].join("");
    return `P${date}${time ? `T${time}` : ""}`;
  });

/** Dates outside what JavaScript can hold, impossible dates, and dates at the ends of the range. */
const edgeDates = [
  "0000-01-01T00:00:00Z",
  "0000-01-01T00:00:00+14:00",
  "9999-12-31T23:59:59.999-14:00",
  "+275760-09-13T00:00:00Z",
  "+275760-09-13T00:00:00.001Z",
  "-271821-04-20T00:00:00Z",
  "9999-99-99T00:00:00Z",
  "2025-02-30T00:00:00Z",
  "2025-01-10T24:00:00Z",
  "2025-01-10T09:00:60Z",
  "2025-01-10T09:00:00.123456789Z",
  "1970-01-01T00:00:00Z",
  "2026-06-01",
  "now",
  "",
];

const edgeNumbers = [
  "0",
  "-0",
  "-1",
  "1.5",
  "1e400",
  "-1e400",
  "NaN",
  "Infinity",
  "0x10",
  "1e3",
  " ",
  "",
  "2147483647",
  "2147483648",
  "9007199254740993",
  "10000",
  "10001",
];
const edgeLists = ["", ",", ",,,", " ", "nope", "__proto__"];
const edgeTexts = ["", " ", "__proto__", "constructor", "x".repeat(300)];

/** A parameter's values, and the edge cases that every route tries one by one. */
interface Param {
  readonly values: fc.Arbitrary<string>;
  readonly edges: readonly string[];
}

/**
 * Mostly valid values, so that requests get past validation to the code that computes with them;
 * a quarter of the time an edge case, a hostile value of its kind, or arbitrary text.
 */
const param = (valid: fc.Arbitrary<string>, edges: readonly string[], hostile?: fc.Arbitrary<string>): Param => ({
  values: fc.oneof(
    { weight: 9, arbitrary: valid },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    ...(hostile ? [hostile] : []),
    fc.string(),
  ),
  edges,
});

const date = param(
  fc
    .date({ min: new Date("2024-06-01T00:00:00Z"), max: new Date("2026-06-01T12:00:00Z"), noInvalidDate: true })
    .map((at) => at.toISOString()),
  edgeDates,
  fc.date({ noInvalidDate: true }).map((at) => at.toISOString()),
);
const durationOf = (...valid: string[]) => param(fc.constantFrom(...valid), edgeDurations, anyDuration);
const duration = durationOf("P1D", "P2W", "P30D", "P1M", "P6M", "P1Y", "PT12H");
const number = (...valid: string[]) =>
  param(fc.constantFrom(...valid), edgeNumbers, fc.oneof(fc.integer().map(String), fc.double().map(String)));
const listOf = (...items: string[]) =>
  param(
    fc.subarray(items, { minLength: 1 }).map((chosen) => chosen.join(",")),
    [...edgeLists, `${items[0]},${items[0]}`],
    fc.subarray([...items, ...edgeLists]).map((chosen) => chosen.join(",")),
  );
const text = (...valid: string[]) => param(fc.constantFrom(...valid), edgeTexts);

const graphQuery = {
  at: date,
  knownAt: date,
  from: date,
  window: duration,
  halfLife: duration,
  layers: listOf("advice", "knowledge-sharing", "mentoring", "led", "co-attendance"),
  attribute: text("sector", "occupationalLayer", "region", "organisation"),
  minWeight: number("0", "0.5", "1", "2"),
  seed: number("1", "42"),
  // Few permutations: the test is about parameters, not about the cost of baselines.
  permutations: number("0", "5"),
};
const indicators = listOf("network.members", "silo.ei", "activity.by_period", "activity.retention", "reciprocity.rho");
const { at: _at, from: _from, ...timelineQuery } = graphQuery;

interface ReadRoute {
  readonly url: string;
  readonly params: Record<string, Param>;
  /** Given unless the request names them: what gets past validation, and no costly baselines. */
  readonly base?: Record<string, string>;
}

const cheap = { permutations: "0" };
const readRoutes: ReadRoute[] = [
  {
    url: `/v1/communities/${A}/graph`,
    params: { ...graphQuery, format: text("json", "gexf", "graphml") },
    base: cheap,
  },
  { url: `/v1/communities/${A}/indicators`, params: { ...graphQuery, indicators }, base: cheap },
  {
    url: `/v1/communities/${A}/indicators/timeline`,
    params: {
      ...timelineQuery,
      indicators,
      from: date,
      to: date,
      step: durationOf("P1M", "P6M", "P1Y"),
      format: text("json", "csv"),
    },
    base: { ...cheap, from: "2025-01-01T00:00:00Z", to: "2025-03-01T00:00:00Z" },
  },
  {
    url: "/v1/compare",
    params: { ...graphQuery, indicators, communities: listOf(A, "beta", "gamma") },
    base: { ...cheap, communities: A },
  },
  {
    url: `/v1/communities/${A}/export`,
    params: {
      ...graphQuery,
      format: text("ndjson", "research", "gexf", "graphml", "indicators-csv"),
      key: text("a-research-export-key-of-enough-length"),
    },
    base: { ...cheap, format: "indicators-csv" },
  },
  { url: `/v1/communities/${A}/members/m-amira`, params: graphQuery, base: cheap },
  { url: `/v1/communities/${A}/events`, params: { from: number("0", "3"), limit: number("1", "10") } },
  { url: "/v1/audit", params: { before: number("0", "5"), limit: number("1", "10") } },
  { url: "/v1/communities", params: {} },
  { url: `/v1/communities/${A}`, params: {} },
  { url: "/v1/me", params: {} },
  { url: "/v1/imports/csv/members/template", params: {} },
  { url: "/v1/indicators", params: {} },
];

/** A query with `given` values (a name given twice is repeated) over the route's base. */
function queryString(base: Record<string, string>, given: Record<string, readonly string[]>): string {
  const query = new URLSearchParams(Object.entries(base).filter(([name]) => !(name in given)));
  for (const [name, values] of Object.entries(given)) for (const value of values) query.append(name, value);
  return query.toString();
}

/**
 * A few of the route's parameters (or any number of them), each given once or repeated, plus
 * sometimes one that no route knows. Few at a time get past validation more often.
 */
const queries = ({ params, base = {} }: ReadRoute) => {
  const names = Object.keys(params);
  const valuesOf = (name: string) =>
    fc.oneof(
      { weight: 5, arbitrary: params[name]!.values.map((one) => [one]) },
      fc.array(params[name]!.values, { minLength: 2, maxLength: 3 }),
    );
  const some = (chosen: string[]) => fc.record(Object.fromEntries(chosen.map((name) => [name, valuesOf(name)])));
  return fc
    .record({
      given: fc.oneof(
        { weight: 3, arbitrary: fc.subarray(names, { maxLength: Math.min(3, names.length) }).chain(some) },
        fc.subarray(names).chain(some),
      ),
      unknown: fc.option(fc.tuple(fc.string({ minLength: 1 }), fc.string())),
    })
    .map(({ given, unknown }) => queryString(base, unknown ? { ...given, [unknown[0]]: [unknown[1]] } : given));
};

/** Query strings as a client could type them: stray `%`, brackets, and separators anywhere. */
const rawQueries = (params: ReadRoute["params"]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...Object.keys(params), "=", "&", "%", "%zz", "%00", "%FF", "[]", "[0]", "+", ";", "#"),
        fc.string({ maxLength: 5 }),
      ),
      { maxLength: 12 },
    )
    .map((parts) => encodeURI(parts.join("")).replaceAll("%25", "%"));

const callerNames: CallerName[] = ["admin", "researcherA", "agencyA"];

let t: AccessTestApp;
beforeAll(async () => {
  t = await buildAccessTestApp();
});
afterAll(() => t.close());

async function expectNoServerError(url: string, caller: CallerName) {
  const response = await t.app.inject({ method: "GET", url, headers: t.headers[caller] });
  const said = `${caller} GET ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, said).toBeLessThan(500);
  if (response.statusCode >= 400) expect(response.headers["content-type"], said).toMatch(/^application\/problem\+json/);
}

describe.each(readRoutes)("GET $url", (route) => {
  const { url, params, base = {} } = route;

  it("answers every edge case of every query parameter without a 5xx", async () => {
    for (const [name, { edges }] of Object.entries(params)) {
      for (const edge of edges) await expectNoServerError(`${url}?${queryString(base, { [name]: [edge] })}`, "admin");
    }
  });

  it("answers any values of any query parameters without a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(queries(route), fc.constantFrom(...callerNames), async (query, caller) => {
        await expectNoServerError(query ? `${url}?${query}` : url, caller);
      }),
      { numRuns: RUNS },
    );
  });

  it("answers a malformed query string without a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(rawQueries(params), fc.constantFrom(...callerNames), async (query, caller) => {
        await expectNoServerError(`${url}?${query}`, caller);
      }),
      { numRuns: RUNS },
    );
  });
});
