import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSqliteEventStore, StreamNotFoundError } from "@copgraph/event-store";
import { simulateCommunity } from "@copgraph/simulator";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";
import { suiteDataDir } from "../support/suite-data-dir.js";

// `copgraph import log.ndjson` appends the whole log in one store transaction: a process killed
// with SIGKILL in the middle of it leaves nothing of the log behind, and the same import then
// runs to the end on the same data folder.

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = suiteDataDir("import-crash");
const EVENTS = 300_000;

/** A log of one community as `copgraph export --format ndjson` writes it. */
async function writeLog(file: string): Promise<number> {
  const end = Date.parse("2026-01-01T00:00:00Z");
  const { events } = simulateCommunity({
    communityId: "big",
    seed: 3,
    start: end - 365 * 86_400_000,
    end,
    initialMembers: 500,
    growth: 5,
    interactionsPerMemberPerMonth: 40,
    maxEvents: EVENTS,
  });
  const out = createWriteStream(file);
  events.forEach((event, revision) => {
    const at = (event.data as { occurredAt: string }).occurredAt;
    const line = {
      id: randomUUID(),
      type: event.type,
      revision,
      position: revision + 1,
      occurredAt: at,
      recordedAt: at,
    };
    out.write(`${JSON.stringify({ ...line, schemaVersion: 1, data: event.data, metadata: { recordedAt: at } })}\n`);
  });
  await new Promise<void>((resolve) => out.end(resolve));
  return events.length;
}

/** Starts the import in its own process group, and kills the group once it is appending. */
function importKilledMidway(file: string, dataDir: string): Promise<{ finished: boolean }> {
  const child = spawn(
    process.execPath,
    ["--conditions=source", "--import", "tsx", "services/api/src/cli.ts", "import", file, "--community", "big"],
    {
      cwd: root,
      env: { ...process.env, COPGRAPH_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.stderr.on("data", (chunk: Buffer) => {
      // The first progress line comes once the first piece is in the transaction.
      if (!chunk.toString().includes("importing")) return;
      setTimeout(() => {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      }, 200);
    });
    child.once("exit", () => resolve({ finished: stdout.includes("imported") }));
  });
}

describe("SIGKILL during an NDJSON import", () => {
  it("stores nothing of the log, and the import can then be run again to the end", async () => {
    const file = join(dir, "big.ndjson");
    const events = await writeLog(file);
    const dataDir = join(dir, "data");
    const killed = await importKilledMidway(file, dataDir);
    expect(killed.finished, "the import ended before it was killed: make the log larger").toBe(false);
    const store = openSqliteEventStore({ path: join(dataDir, "events.sqlite") });
    try {
      await expect(store.readStream("community-big")).rejects.toBeInstanceOf(StreamNotFoundError);
      expect(await store.readAll({ maxCount: 1 })).toEqual([]);
    } finally {
      await store.close();
    }
    const again = await runCli(["import", file, "--community", "big", "--data-dir", dataDir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`imported ${events} events into 'big'`);
  }, 120_000);
});
