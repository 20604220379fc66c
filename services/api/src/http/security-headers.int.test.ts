import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/test-app.js";

const webRoot = mkdtempSync(join(tmpdir(), "copgraph-web-"));
let t: TestApp;
beforeAll(async () => {
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>copgraph</title>");
  t = await buildTestApp({ webRoot });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const directives = (header: string | undefined) =>
  new Map(
    (header ?? "").split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe("security headers", () => {
  it.each(["/", "/docs/", "/healthz", "/v1/communities"])("are sent with %s", async (url) => {
    const response = await t.app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(response.headers["x-powered-by"]).toBeUndefined();
    const csp = directives(response.headers["content-security-policy"] as string);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("let the web app run its layout worker from a blob: and set inline styles, and nothing upgrade to https", async () => {
    const response = await t.app.inject({ method: "GET", url: "/" });
    const csp = directives(response.headers["content-security-policy"] as string);
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("style-src")).toContain("'unsafe-inline'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("come with problem answers too", async () => {
    const response = await t.app.inject({ method: "GET", url: "/v1/communities/nowhere" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });
});
