import { describe, expect, it } from "vitest";
import { isLoopback } from "../settings/loopback.js";
import { SettingsError } from "../settings/settings-error.js";
import { developmentMode } from "./access-settings.js";

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
    expect(() => developmentMode("0.0.0.0", "off")).toThrow(SettingsError);
  });
});
