import { describe, expect, it } from "vitest";
import { readSettings } from "./read-settings.js";

describe("COPGRAPH_PUBLIC_URL", () => {
  it("takes an http(s) address, without its trailing slash, and is unset by default", () => {
    expect(readSettings({}).publicUrl).toBeUndefined();
    expect(readSettings({ COPGRAPH_PUBLIC_URL: "https://cop.example.org/" }).publicUrl).toBe("https://cop.example.org");
    expect(readSettings({ COPGRAPH_PUBLIC_URL: "http://intranet:8080/copgraph" }).publicUrl).toBe(
      "http://intranet:8080/copgraph",
    );
  });

  it("refuses other schemes, queries and fragments, naming the setting", () => {
    for (const wrong of ["ftp://cop.example.org", "cop.example.org", "https://cop.example.org/?a=1", "https://x/#y"]) {
      expect(() => readSettings({ COPGRAPH_PUBLIC_URL: wrong }), wrong).toThrow(/COPGRAPH_PUBLIC_URL/);
    }
  });
});
