import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzRuns } from "../testing/fuzz-runs.js";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";
import { jsonWriteRoutes, type WriteRoute } from "../testing/write-routes.js";

// Malformed, oversized and hostile input over real HTTP, on every write route and the CSV import:
// always a 4xx, never a 5xx; the log, read back after each request, unchanged; and the listening
// server still answering afterwards. Small body limits keep oversized bodies cheap to send.

const PLAIN_LIMIT = 16 * 1024;
const BULK_LIMIT = 64 * 1024;
const RUNS = fuzzRuns(25);

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await buildTestApp({ http: { bodyLimits: { plain: PLAIN_LIMIT, bulk: BULK_LIMIT } } });
  await seedCommunity(t.app);
  base = await t.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(() => t.close());

const encoder = new TextEncoder();

interface Sent {
  readonly status: number;
  readonly body: string;
}

async function send(method: string, url: string, body: Uint8Array | string, contentType?: string): Promise<Sent> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: contentType === undefined ? {} : { "content-type": contentType },
    body: typeof body === "string" ? encoder.encode(body) : body,
  });
  return { status: response.status, body: await response.text() };
}

/** Sends the request and checks the answer is a 4xx and the log holds what it held before. */
async function expectRefused(method: string, url: string, body: Uint8Array | string, contentType?: string) {
  const before = await t.countEvents();
  const answer = await send(method, url, body, contentType);
  expect(answer.status, `${method} ${url}: ${answer.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${method} ${url}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
  expect(await t.countEvents()).toBe(before);
  return answer;
}

const injections = [
  "'; DROP TABLE events; --",
  "1 OR 1=1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3+cmd|' /C calc'!A0",
  "../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
  "${jndi:ldap://x}",
  "__proto__",
];
/** Valid ids that name properties every JavaScript object has. */
const prototypeNames = ["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"];
const controlCharacters = ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\ud800", "\udfff"];
/** A file holds bytes: half a surrogate pair cannot be written as UTF-8 (brokenUtf8 has such bytes). */
const controlsInFiles = controlCharacters.filter((control) => !/\p{Cs}/u.test(control));
/** Byte sequences that are not UTF-8: a stray byte, truncated and overlong sequences, an encoded surrogate. */
const brokenUtf8 = [[0xff], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c], [0xc0, 0xaf], [0xed, 0xa0, 0x80]];
const freeText = new Set(["name", "concern", "displayName", "organisation", "reason", "title"]);
const wrongTypes = [
  undefined,
  "text/plain",
  "text/html",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/octet-stream",
];

/** The string-valued top-level fields of a valid body, where a hostile string goes. */
const textFields = (valid: Record<string, unknown>) =>
  Object.keys(valid).filter((key) => typeof valid[key] === "string");

/** JSON text with `value` (already JSON) in place of the field, or as an extra field. */
function withRawField(valid: Record<string, unknown>, key: string, rawValue: string): string {
  const { [key]: _replaced, ...rest } = valid;
  const others = JSON.stringify(rest).slice(1, -1);
  return `{${others}${others ? "," : ""}${JSON.stringify(key)}:${rawValue}}`;
}

function withBytesInField(valid: Record<string, unknown>, key: string, bytes: number[]): Uint8Array {
  const [before, after] = withRawField(valid, key, '"a\u0001b"').split("\u0001") as [string, string];
  return new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)]);
}

const deepJson = fc
  .record({ depth: fc.integer({ min: 500, max: 50_000 }), arrays: fc.boolean() })
  .map(({ depth, arrays }) =>
    arrays ? "[".repeat(depth) + "]".repeat(depth) : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
  );

describe.each(jsonWriteRoutes)("$method $url with hostile input", (route: WriteRoute) => {
  const keys = textFields(route.valid);
  const anyKey = fc.constantFrom(...(keys.length > 0 ? keys : ["extra"]));
  const limit = route.url.endsWith("/events") ? BULK_LIMIT : PLAIN_LIMIT;
  const refused = (body: Uint8Array | string, contentType = "application/json") =>
    expectRefused(route.method, route.url, body, contentType);

  it("refuses deep nesting, as the body or inside it", async () => {
    await fc.assert(
      fc.asyncProperty(deepJson, fc.option(anyKey, { nil: undefined }), async (deep, key) => {
        await refused(key === undefined ? deep : withRawField(route.valid, key, deep));
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses huge strings with 400, and bodies over the route's limit with 413", async () => {
    await fc.assert(
      fc.asyncProperty(anyKey, fc.integer({ min: 2_001, max: 3 * limit }), async (key, length) => {
        const body = JSON.stringify({ ...route.valid, [key]: "x".repeat(length) });
        const answer = await refused(body);
        expect(answer.status).toBe(body.length > limit ? 413 : 400);
      }),
      { numRuns: RUNS },
    );
    const padded = JSON.stringify(route.valid) + " ".repeat(limit);
    expect((await refused(padded)).status).toBe(413);
  });

  it("refuses bytes that are not UTF-8 with 400", async () => {
    await fc.assert(
      fc.asyncProperty(anyKey, fc.constantFrom(...brokenUtf8), async (key, bytes) => {
        const answer = await refused(withBytesInField(route.valid, key, bytes));
        expect(answer.status).toBe(400);
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses control characters and broken characters in text", async () => {
    await fc.assert(
      fc.asyncProperty(anyKey, fc.constantFrom(...controlCharacters), fc.string(), async (key, control, text) => {
        await refused(JSON.stringify({ ...route.valid, [key]: `${text}${control}${text}` }));
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses __proto__ and constructor.prototype keys, at the top or nested", async () => {
    const poisons = [
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '{"attributes":{"__proto__":"x"}}',
    ];
    for (const poison of poisons) {
      await refused(
        `${JSON.stringify(route.valid).slice(0, -1)}${Object.keys(route.valid).length > 0 ? "," : ""}${poison.slice(1)}`,
      );
      await refused(withRawField(route.valid, "extra", poison));
    }
  });

  // A free-text field may hold any printable text (see below); ids and codes refuse the rest.
  // Routes whose body has no id or code field get no such test (rather than a skipped one).
  const codeKeys = keys.filter((key) => !freeText.has(key));
  if (codeKeys.length > 0)
    it("refuses injection strings where ids and codes go", async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...codeKeys), fc.constantFrom(...injections), async (key, injection) => {
          await refused(JSON.stringify({ ...route.valid, [key]: injection }));
        }),
        { numRuns: RUNS },
      );
    });

  it("refuses a body sent as anything but JSON", async () => {
    for (const type of wrongTypes) await expectRefused(route.method, route.url, JSON.stringify(route.valid), type);
    await refused(Buffer.from(JSON.stringify(route.valid), "utf16le"), "application/json; charset=utf-16");
  });
});

describe("free text holds injection strings as plain text", () => {
  beforeAll(() => seedCommunity(t.app, "verbatim"));

  it("stores them verbatim and reads them back unchanged", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...injections), async (injection) => {
        const interactionId = `hostile-${n++}`;
        const body = { interactionId, kind: "advice", from: "ana", to: ["ben"], notes: injection };
        const written = await send(
          "POST",
          "/v1/communities/verbatim/interactions",
          JSON.stringify(body),
          "application/json",
        );
        expect(written.status, written.body).toBe(201);
        const { events } = (await (await fetch(`${base}/v1/communities/verbatim/events?limit=10000`)).json()) as {
          events: { data: { interactionId?: string; notes?: string } }[];
        };
        expect(events.find((event) => event.data.interactionId === interactionId)?.data.notes).toBe(injection);
      }),
      { numRuns: injections.length },
    );
  });
});

describe("ids named like JavaScript object properties", () => {
  it("are nobody until they join", async () => {
    const json = "application/json";
    for (const id of prototypeNames) {
      const interaction = JSON.stringify({ kind: "advice", from: id, to: ["ana"] });
      await expectRefused("POST", "/v1/communities/town/interactions", interaction, json);
      await expectRefused("POST", `/v1/communities/${id}/interactions`, interaction, json);
      const retraction = JSON.stringify({ recordId: id, reason: "typo" });
      await expectRefused("POST", "/v1/communities/town/retractions", retraction, json);
      await expectRefused("PATCH", `/v1/communities/town/members/${id}`, '{"organisation":"O"}', json);
    }
  });
});

describe("CSV import with hostile files", () => {
  const url = (kind: string) => `/v1/communities/town/imports/csv?kind=${kind}`;
  const header = "memberId,displayName,sector,occupationalLayer,joinedAt";
  const row = (id: string, name: string) => `${id},${name},education,student,2025-01-05`;
  const refusedCsv = (body: Uint8Array | string, kind = "members", type = "text/csv") =>
    expectRefused("POST", url(kind), body, type);

  it("refuses random bytes for every kind", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("members", "interactions", "gatherings"),
        fc.uint8Array({ minLength: 0, maxLength: 2_000 }),
        async (kind, bytes) => {
          await refusedCsv(bytes, kind);
        },
      ),
      { numRuns: 3 * RUNS },
    );
  });

  it("refuses bytes that are not UTF-8, control characters and broken quoting", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .constantFrom(...brokenUtf8)
            .map(
              (bytes) =>
                new Uint8Array([
                  ...encoder.encode(`${header}\nz1,Ana`),
                  ...bytes,
                  ...encoder.encode(",education,student,2025-01-05\n"),
                ]),
            ),
          fc.constantFrom(...controlsInFiles).map((control) => `${header}\n${row("z1", `An${control}a`)}\n`),
          fc.constantFrom('"', '"a""', 'x,"a').map((cell) => `${header}\n${row("z1", cell)}\n`),
        ),
        async (body) => {
          await refusedCsv(body);
        },
      ),
      { numRuns: 2 * RUNS },
    );
  });

  it("refuses injection strings as ids, and a file over the limit with 413", async () => {
    for (const injection of injections) {
      await refusedCsv(`${header}\n${row(JSON.stringify(injection), "Ana")}\n`);
    }
    const many = Array.from({ length: 2_000 }, (_, i) => row(`big${i}`, `Member ${i}`));
    expect((await refusedCsv(`${header}\n${many.join("\n")}\n`)).status).toBe(413);
  });

  it("refuses a CSV file sent as JSON, and JSON sent as CSV", async () => {
    await refusedCsv(`${header}\n${row("z1", "Ana")}\n`, "members", "application/json");
    await refusedCsv(JSON.stringify({ memberId: "z1" }), "members");
    await refusedCsv(`${header}\n${row("z1", "Ana")}\n`, "members", "text/plain");
  });
});

describe("after all that", () => {
  it("the server still answers and still writes", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const before = await t.countEvents();
    const written = await send(
      "POST",
      "/v1/communities/town/interactions",
      JSON.stringify({ kind: "advice", from: "ana", to: ["ben"] }),
      "application/json",
    );
    expect(written.status, written.body).toBe(201);
    expect(await t.countEvents()).toBe(before + 1);
  });
});
