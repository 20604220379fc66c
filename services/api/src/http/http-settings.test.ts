import { describe, expect, it } from "vitest";
import { HttpSettingsError, readHttpSettings, servedDefaults } from "./http-settings.js";

describe("readHttpSettings", () => {
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
    expect(() => readHttpSettings(env)).toThrow(HttpSettingsError);
    expect(() => readHttpSettings(env)).toThrow(message);
  });
});
