// `copgraph keys` as a real process: create, list, rotate, revoke, with the CLI's exit codes, and
// the secrets it prints work (and stop working) against a real app on the same data folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccessKeyStore, buildApp } from "@copgraph/api";
import { openSqliteEventStore } from "@copgraph/event-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";

const secretOf = (stdout: string) => stdout.trim().split("\n").at(-1)!;
const keyIdOf = (stdout: string) => /(k_[0-9a-f]{12})/.exec(stdout)![1]!;

describe("copgraph keys", () => {
  let dir: string;
  const keys = (...args: string[]) => runCli(["keys", ...args, "--data-dir", dir]);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copgraph-keys-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates a key, prints its secret once and lists it without the secret", async () => {
    const created = await keys("create", "--role", "facilitator", "--community", "town,city", "--label", "Town team");
    expect(created.code).toBe(0);
    const secret = secretOf(created.stdout);
    expect(secret).toMatch(/^cgk_[A-Za-z0-9_-]{43}$/);
    const listed = await keys("list");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(keyIdOf(created.stdout));
    expect(listed.stdout).toContain("facilitator");
    expect(listed.stdout).toContain("city,town");
    expect(listed.stdout).not.toContain(secret);
    const json = JSON.parse((await keys("list", "--json")).stdout);
    expect(json[0]).toMatchObject({ role: "facilitator", communities: ["city", "town"], label: "Town team" });
  });

  it("rotation gives a new secret for the same key; revocation ends it; both work on a running app", async () => {
    const created = await keys("create", "--role", "admin");
    const keyId = keyIdOf(created.stdout);
    const first = secretOf(created.stdout);
    const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
    const access = new AccessKeyStore(join(dir, "access.sqlite"));
    const app = await buildApp({ store, access: { keys: access } });
    const me = (secret: string) =>
      app.inject({ url: "/v1/me", headers: { authorization: `Bearer ${secret}` } }).then((r) => r.statusCode);
    try {
      expect(await me(first)).toBe(200);
      const rotated = await keys("rotate", keyId);
      expect(rotated.code).toBe(0);
      const second = secretOf(rotated.stdout);
      expect(second).not.toBe(first);
      expect(keyIdOf(rotated.stdout)).toBe(keyId);
      expect(await me(first)).toBe(401);
      expect(await me(second)).toBe(200);
      const revoked = await keys("revoke", keyId);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toContain("revoked");
      expect(await me(second)).toBe(401);
    } finally {
      await app.close();
      await store.close();
      access.close();
    }
  });

  it("bad usage exits 2 with the help, an unknown key 3", async () => {
    for (const args of [
      ["create"],
      ["create", "--role", "emperor"],
      ["create", "--role", "researcher"],
      ["create", "--role", "admin", "--community", "town"],
      ["shred"],
      ["revoke"],
    ]) {
      const result = await keys(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("copgraph keys <create|list|revoke|rotate>");
    }
    const unknown = await keys("revoke", "k_000000000000");
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("no key 'k_000000000000'");
    expect((await keys("rotate", "k_000000000000")).code).toBe(3);
  });

  it("--help describes every keys command", async () => {
    for (const args of [["--help"], ["create", "--help"], ["rotate", "--help"]]) {
      const result = await runCli(["keys", ...args]);
      expect(result.code).toBe(0);
      for (const command of ["create", "list", "revoke", "rotate"]) expect(result.stdout).toContain(`keys ${command}`);
    }
  });
});
