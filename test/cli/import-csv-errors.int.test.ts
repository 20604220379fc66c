import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";

// `copgraph import <file.csv>` when something is wrong: every bad row listed, a missing file or an
// unregistered community said once in words (no stack trace), and nothing stored.

const dir = mkdtempSync(join(tmpdir(), "copgraph-cli-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, "data");

const write = (name: string, lines: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
};
const importCsv = (file: string, kind: string, community = "club", extra: string[] = []) =>
  runCli(["import", file, "--kind", kind, "--community", community, "--data-dir", dataDir, ...extra]);
const eventCount = async () => {
  const out = join(dir, `count-${Math.random()}.ndjson`);
  const result = await runCli([
    "export",
    "--community",
    "club",
    "--format",
    "ndjson",
    "--out",
    out,
    "--data-dir",
    dataDir,
  ]);
  expect(result.code, result.stderr).toBe(0);
  const { readFileSync } = await import("node:fs");
  return readFileSync(out, "utf8").trimEnd().split("\n").length;
};

beforeAll(async () => {
  const registered = await runCli(["import", "--dataset", "karate", "--community", "club", "--data-dir", dataDir]);
  expect(registered.code, registered.stderr).toBe(0);
  const members = write("members.csv", [
    "memberId,displayName,sector,occupationalLayer,joinedAt",
    "ana,Ana,education,professional,2025-01-02",
    "ben,Ben,business,director,2025-01-02",
  ]);
  const imported = await importCsv(members, "members");
  expect(imported.code, imported.stderr).toBe(0);
}, 60_000);

describe("copgraph import <file.csv> with errors", () => {
  it("lists every row with an unknown member, not only the first, and stores nothing", async () => {
    const before = await eventCount();
    const file = write("interactions.csv", [
      "kind,from,to,occurredAt",
      "advice,ana,ben,2025-02-01",
      "advice,ana,zoe,2025-02-02",
      "advice,yan,ben,2025-02-03",
    ]);
    const result = await importCsv(file, "interactions");
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("line 3");
    expect(result.stderr).toContain("member zoe has not joined");
    expect(result.stderr).toContain("line 4");
    expect(result.stderr).toContain("member yan has not joined");
    expect(result.stderr).toContain("nothing was stored");
    expect(await eventCount()).toBe(before);
  });

  it("says a bad query flag of an analysis command in words, with its flag", async () => {
    const log = join(dir, "club.ndjson");
    const exported = await runCli([
      "export",
      "--community",
      "club",
      "--format",
      "ndjson",
      "--out",
      log,
      "--data-dir",
      dataDir,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const result = await runCli(["replay", log, "--at", "yesterday", "--min-weight", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--at must be a date and time such as 2026-03-01T09:00:00Z; --min-weight must be a number",
    );
  });

  it("says there is no file at a path that does not exist, without a stack trace", async () => {
    const missing = join(dir, "nowhere", "members.csv");
    const result = await importCsv(missing, "members");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`no file at ${missing}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain("ENOENT");
  });

  it("says once that the community is not registered, and how to register it", async () => {
    const file = write("members-elsewhere.csv", [
      "memberId,displayName,sector,occupationalLayer,joinedAt",
      "ana,Ana,education,professional,2025-01-02",
      "ben,Ben,business,director,2025-01-02",
    ]);
    const result = await importCsv(file, "members", "nowhere");
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("community nowhere is not registered: register it first with");
    expect(result.stderr).toContain("copgraph register");
    expect(result.stderr).not.toMatch(/line \d+/);
    expect(result.stderr.match(/not registered/g)).toHaveLength(1);

    // The command it names registers the community, and the file then imports.
    const registered = await runCli([
      ...["register", "--community", "nowhere", "--name", "Nowhere", "--concern", "Walking"],
      ...["--since", "2025-01-01", "--data-dir", dataDir],
    ]);
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toContain("registered 'nowhere'");
    const imported = await importCsv(file, "members", "nowhere");
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("imported 2 events into 'nowhere'");
  });
});
