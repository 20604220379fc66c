import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteEventStore } from "@copgraph/event-store";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AccessKeyStore } from "../access/key-store.js";
import { type App, buildApp } from "../app.js";

// A page on an allowed origin calls the API with a key: the browser's preflight carries no key,
// so it must be answered before access control; the real request then needs the key.

const origin = "https://portal.example.org";
const dir = mkdtempSync(join(tmpdir(), "copgraph-cors-"));
const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
const keys = new AccessKeyStore(join(dir, "access.sqlite"));
let app: App;
let secret: string;

beforeAll(async () => {
  secret = keys.create({ role: "admin", label: "portal" }).secret;
  app = await buildApp({ store, access: { keys, development: false }, http: { corsOrigins: [origin] } });
});
afterAll(async () => {
  await app.close();
  await store.close();
  keys.close();
  rmSync(dir, { recursive: true, force: true });
});

it("answers a preflight from an allowed origin without a key", async () => {
  const preflight = await app.inject({
    method: "OPTIONS",
    url: "/v1/communities",
    headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
  });
  expect(preflight.statusCode).toBe(204);
  expect(preflight.headers["access-control-allow-origin"]).toBe(origin);
  expect(String(preflight.headers["access-control-allow-headers"])).toContain("authorization");
});

it("then asks the real request for its key, and answers it with one", async () => {
  const anonymous = await app.inject({ method: "GET", url: "/v1/communities", headers: { origin } });
  expect(anonymous.statusCode).toBe(401);
  const keyed = await app.inject({
    method: "GET",
    url: "/v1/communities",
    headers: { origin, authorization: `Bearer ${secret}` },
  });
  expect(keyed.statusCode).toBe(200);
  expect(keyed.headers["access-control-allow-origin"]).toBe(origin);
});

it("gives no CORS headers to another origin", async () => {
  const other = await app.inject({
    method: "OPTIONS",
    url: "/v1/communities",
    headers: { origin: "https://elsewhere.example", "access-control-request-method": "GET" },
  });
  expect(other.headers["access-control-allow-origin"]).toBeUndefined();
});
