import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";
import { servedDefaults } from "./http/http-settings.js";
import { SettingsError } from "./settings/settings-error.js";

const readHttpSettings = (env: NodeJS.ProcessEnv) => readConfig(env).http;
const readAccessSettings = (env: NodeJS.ProcessEnv) => readConfig(env).access;

describe("readConfig: the HTTP settings", () => {
  it("serves with the defaults when the environment says nothing", () => {
    expect(readHttpSettings({})).toEqual(servedDefaults);
  });

  it("reads origins, the rate limit, body limits and timeouts", () => {
    const settings = readHttpSettings({
      COPGRAPH_CORS_ORIGINS: "https://a.example.org, http://localhost:5173/",
      COPGRAPH_RATE_LIMIT: "120",
      COPGRAPH_BODY_LIMIT: "2048",
      COPGRAPH_IMPORT_BODY_LIMIT: "4096",
      COPGRAPH_REQUEST_TIMEOUT_MS: "5000",
      COPGRAPH_HEADERS_TIMEOUT_MS: "1000",
      COPGRAPH_KEEP_ALIVE_TIMEOUT_MS: "3000",
      COPGRAPH_SHUTDOWN_TIMEOUT_MS: "700",
      COPGRAPH_STREAMS_PER_KEY: "3",
    });
    expect(settings).toEqual({
      corsOrigins: ["https://a.example.org", "http://localhost:5173"],
      rateLimit: { max: 120, windowMs: 60_000 },
      bodyLimits: { plain: 2048, bulk: 4096 },
      timeouts: { requestMs: 5000, headersMs: 1000, keepAliveMs: 3000 },
      shutdownGraceMs: 700,
      streamsPerKey: 3,
    });
  });

  it("turns the rate limit off with 0 and allows any origin with *", () => {
    const settings = readHttpSettings({ COPGRAPH_RATE_LIMIT: "0", COPGRAPH_CORS_ORIGINS: "*" });
    expect(settings.rateLimit).toBeUndefined();
    expect(settings.corsOrigins).toEqual(["*"]);
  });

  it.each([
    [{ COPGRAPH_RATE_LIMIT: "lots" }, /COPGRAPH_RATE_LIMIT/],
    [{ COPGRAPH_BODY_LIMIT: "0" }, /COPGRAPH_BODY_LIMIT must be a whole number of at least 1/],
    [{ COPGRAPH_IMPORT_BODY_LIMIT: "1.5" }, /COPGRAPH_IMPORT_BODY_LIMIT/],
    [{ COPGRAPH_STREAMS_PER_KEY: "0" }, /COPGRAPH_STREAMS_PER_KEY must be a whole number of at least 1/],
    [{ COPGRAPH_CORS_ORIGINS: "example.org" }, /COPGRAPH_CORS_ORIGINS/],
    [{ COPGRAPH_CORS_ORIGINS: "https://a.example.org/app" }, /COPGRAPH_CORS_ORIGINS/],
    [{ COPGRAPH_REQUEST_TIMEOUT_MS: "1000", COPGRAPH_HEADERS_TIMEOUT_MS: "2000" }, /must not exceed/],
  ])("refuses %o", (env, message) => {
    expect(() => readHttpSettings(env)).toThrow(SettingsError);
    expect(() => readHttpSettings(env)).toThrow(message);
  });
});

describe("readConfig: the access settings", () => {
  it("reads COPGRAPH_AUTH and COPGRAPH_MIN_GROUP_SIZE", () => {
    expect(readAccessSettings({})).toEqual({ auth: "auto", minGroupSize: 5 });
    expect(readAccessSettings({ COPGRAPH_AUTH: "ON", COPGRAPH_MIN_GROUP_SIZE: "10" })).toEqual({
      auth: "on",
      minGroupSize: 10,
    });
    expect(() => readAccessSettings({ COPGRAPH_AUTH: "maybe" })).toThrow(/auto, on or off/);
    expect(() => readAccessSettings({ COPGRAPH_MIN_GROUP_SIZE: "0" })).toThrow(/at least 1/);
  });
});

describe("readConfig: the server", () => {
  it("takes PORT, HOST, COPGRAPH_DATA_DIR, EVENTSTORE_CONNECTION_STRING and the log settings, flags first", () => {
    expect(readConfig({})).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      dataDir: `${process.cwd()}/data`,
      logLevel: "info",
      logRequests: false,
      demo: true,
    });
    expect(readConfig({}).eventStoreConnectionString).toBeUndefined();
    const env = {
      PORT: "4000",
      HOST: "::1",
      COPGRAPH_DATA_DIR: "/srv/cop",
      EVENTSTORE_CONNECTION_STRING: " esdb://a:2113 ",
      LOG_LEVEL: "warn",
      LOG_REQUESTS: "1",
      COPGRAPH_DEMO: "0",
    };
    expect(readConfig(env)).toMatchObject({
      port: 4000,
      host: "::1",
      dataDir: "/srv/cop",
      eventStoreConnectionString: "esdb://a:2113",
      logLevel: "warn",
      logRequests: true,
      demo: false,
    });
    const flags = { port: "0", host: "localhost", "data-dir": "/tmp/cop" };
    expect(readConfig({ ...env, COPGRAPH_DEMO: "1" }, { ...flags, "no-demo": true })).toMatchObject({
      port: 0,
      host: "localhost",
      dataDir: "/tmp/cop",
      demo: false,
    });
  });
});
