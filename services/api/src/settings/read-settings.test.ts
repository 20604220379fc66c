import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { readSettings, settingFlagOptions } from "./read-settings.js";
import { SettingsError } from "./settings-error.js";
import { defaultSettings, eachSetting } from "./settings-schema.js";

function problemsOf(env: NodeJS.ProcessEnv, flags = {}): readonly string[] {
  try {
    readSettings(env, flags);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe("readSettings", () => {
  it("gives every default when nothing is set, and takes an empty or blank variable as unset", () => {
    expect(readSettings({})).toEqual(defaultSettings);
    const blank = Object.fromEntries(eachSetting().map(([, spec], index) => [spec.env, index % 2 ? "" : "  "]));
    expect(readSettings(blank)).toEqual(defaultSettings);
  });

  it("lists every wrong setting at once, each by its name, in one SettingsError", () => {
    const problems = problemsOf({
      PORT: "65536",
      COPGRAPH_AUTH: "maybe",
      COPGRAPH_DEMO: "perhaps",
      LOG_LEVEL: "loud",
      COPGRAPH_RATE_LIMIT: "-1",
      COPGRAPH_CORS_ORIGINS: "example.org",
    });
    expect(problems).toEqual([
      "PORT must be a whole number from 0 to 65535, not '65536'",
      "COPGRAPH_DEMO must be 1, true, yes, on, 0, false, no or off, not 'perhaps'",
      "LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent, not 'loud'",
      "COPGRAPH_AUTH must be auto, on or off, not 'maybe'",
      "COPGRAPH_CORS_ORIGINS takes origins like https://app.example.org (or *), not 'example.org'",
      "COPGRAPH_RATE_LIMIT must be a whole number of at least 0, not '-1'",
    ]);
    expect(() => readSettings({ PORT: "x", LOG_LEVEL: "loud" })).toThrow(
      "PORT must be a whole number from 0 to 65535, not 'x'\nLOG_LEVEL must be fatal, error, warn, info, debug, trace or silent, not 'loud'",
    );
  });

  it("checks the settings that go together once each is right on its own", () => {
    expect(problemsOf({ COPGRAPH_AUTH: "off", HOST: "0.0.0.0" })).toEqual([
      "COPGRAPH_AUTH=off would serve every caller as admin on 0.0.0.0; bind to 127.0.0.1 or require keys",
    ]);
    expect(problemsOf({ COPGRAPH_AUTH: "off" }, { host: "192.168.1.10" })).toHaveLength(1);
    expect(problemsOf({ COPGRAPH_AUTH: "off", HOST: "localhost" })).toEqual([]);
    expect(problemsOf({ COPGRAPH_REQUEST_TIMEOUT_MS: "0", COPGRAPH_HEADERS_TIMEOUT_MS: "90000" })).toEqual([]);
    expect(problemsOf({ COPGRAPH_HEADERS_TIMEOUT_MS: "200000", PORT: "x" })).toEqual([
      "PORT must be a whole number from 0 to 65535, not 'x'",
    ]);
  });

  it("reads yes and no in the words people write, in any case", () => {
    for (const word of ["0", "false", "No", "OFF"]) expect(readSettings({ COPGRAPH_DEMO: word }).demo).toBe(false);
    for (const word of ["1", "TRUE", "yes", "on"]) expect(readSettings({ LOG_REQUESTS: word }).logRequests).toBe(true);
    expect(readSettings({ LOG_LEVEL: "DEBUG" }).logLevel).toBe("debug");
  });

  it("takes a flag before its variable, and a blank flag as not given", () => {
    const env = { PORT: "4000", COPGRAPH_DATA_DIR: "/srv/cop", COPGRAPH_DEMO: "1" };
    expect(readSettings(env, { port: "5000", "no-demo": true })).toMatchObject({
      port: 5000,
      dataDir: "/srv/cop",
      demo: false,
    });
    expect(readSettings(env, { port: " ", "no-demo": false })).toMatchObject({ port: 4000, demo: true });
    expect(problemsOf({}, { port: "http" })).toEqual(["PORT must be a whole number from 0 to 65535, not 'http'"]);
  });

  it("gives parseArgs every flag of the schema, and nothing else", () => {
    const { values } = parseArgs({
      args: ["--port", "0", "--host", "::1", "--data-dir", "/tmp/cop", "--no-demo"],
      options: settingFlagOptions(),
    });
    expect(readSettings({}, values)).toMatchObject({ port: 0, host: "::1", dataDir: "/tmp/cop", demo: false });
    expect(() => parseArgs({ args: ["--rate-limit", "5"], options: settingFlagOptions() })).toThrow(/Unknown option/);
  });
});
