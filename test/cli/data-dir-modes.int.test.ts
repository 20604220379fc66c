import { chmodSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";
import { startServerProcess } from "../support/server-process.js";
import { suiteDataDir } from "../support/suite-data-dir.js";

// The data folder holds names (personal.sqlite), the pseudonym secret and key hashes
// (access.sqlite) and the log: only its owner may read it, whoever created it and whatever the
// umask. Files are 0600 and the folder 0700, also when they were created looser before.

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** The folder's mode and every file's, by name. */
const modes = (dir: string) => ({
  folder: modeOf(dir),
  files: Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, modeOf(join(dir, name))]),
  ),
});

const privately = (dir: string) => ({
  folder: "700",
  files: Object.fromEntries(readdirSync(dir).map((name) => [name, "600"])),
});

/** What an older copgraph (or a umask of 022) left behind. */
const loosen = (dir: string) => {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
};

const importKarate = (dataDir: string, community: string) =>
  runCli(["import", "--dataset", "karate", "--community", community, "--data-dir", dataDir]);

describe("the data folder's modes", () => {
  it("a server creates its folder 0700 and every file 0600, the lock and WAL files included", async () => {
    const dataDir = join(suiteDataDir("modes-serve"), "data");
    const server = await startServerProcess(dataDir, { COPGRAPH_DEMO: "0" });
    try {
      const registered = await fetch(`${server.url}/v1/communities`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ communityId: "c", name: "C", concern: "modes", occurredAt: "2025-01-01T00:00:00Z" }),
      });
      expect(registered.status).toBe(201);
      const seen = modes(dataDir);
      expect(seen).toEqual(privately(dataDir));
      expect(Object.keys(seen.files)).toEqual(
        expect.arrayContaining([
          "access.sqlite",
          "copgraph.lock",
          "events.sqlite",
          "events.sqlite-shm",
          "events.sqlite-wal",
          "personal.sqlite",
        ]),
      );
    } finally {
      await server.kill("SIGTERM");
    }
  });

  it("copgraph import and copgraph keys create them 0600 in a 0700 folder", async () => {
    const dataDir = join(suiteDataDir("modes-cli"), "data");
    const imported = await importKarate(dataDir, "karate");
    expect(imported.code, imported.stderr).toBe(0);
    expect(modes(dataDir)).toEqual(privately(dataDir));
    const keysDir = join(suiteDataDir("modes-keys"), "data");
    const created = await runCli(["keys", "create", "--role", "admin", "--data-dir", keysDir]);
    expect(created.code, created.stderr).toBe(0);
    expect(Object.keys(modes(keysDir).files)).toContain("access.sqlite");
    expect(modes(keysDir)).toEqual(privately(keysDir));
  });

  it("tightens a folder and files created looser, at the next import and at the next start", async () => {
    const dataDir = join(suiteDataDir("modes-loose"), "data");
    expect((await importKarate(dataDir, "first")).code).toBe(0);
    loosen(dataDir);
    expect((await importKarate(dataDir, "second")).code).toBe(0);
    expect(modes(dataDir)).toEqual(privately(dataDir));
    loosen(dataDir);
    const server = await startServerProcess(dataDir, { COPGRAPH_DEMO: "0" });
    try {
      expect(modes(dataDir)).toEqual(privately(dataDir));
    } finally {
      await server.kill("SIGTERM");
    }
  });
});
