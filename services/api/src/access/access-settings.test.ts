import { describe, expect, it } from "vitest";
import { AccessSettingsError, developmentMode, isLoopback, readAccessSettings } from "./access-settings.js";

describe("local development mode", () => {
  it("is on by default only on loopback", () => {
    for (const host of ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.1.1"])
      expect(developmentMode(host, "auto")).toBe(true);
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "copgraph.example.org"]) {
      expect(isLoopback(host)).toBe(false);
      expect(developmentMode(host, "auto")).toBe(false);
    }
  });

  it("COPGRAPH_AUTH=on requires keys on loopback too", () => {
    expect(developmentMode("127.0.0.1", "on")).toBe(false);
  });

  it("refuses to run open on a network address", () => {
    expect(developmentMode("127.0.0.1", "off")).toBe(true);
    expect(() => developmentMode("0.0.0.0", "off")).toThrow(AccessSettingsError);
  });

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
