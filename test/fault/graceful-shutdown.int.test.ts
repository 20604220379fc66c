import { describe, expect, it } from "vitest";
import {
  appendUntilDown,
  expectDurableAppends,
  readCommunityLog,
  type SentWrite,
  seedAppendCommunity,
} from "../support/appending-clients.js";
import { startServerProcess } from "../support/server-process.js";
import { suiteDataDir } from "../support/suite-data-dir.js";

// `copgraph serve` gets SIGTERM while clients append: it stops accepting, answers what is in
// flight, closes the log and exits 0; every write it acknowledged is in the log afterwards.

const dataDir = suiteDataDir("shutdown");

describe("SIGTERM while appending", () => {
  it("finishes the appends in flight, keeps every acknowledged write, and exits 0", async () => {
    const server = await startServerProcess(dataDir);
    await seedAppendCommunity(server.url, "shutdown");
    const sent: SentWrite[] = [];
    const clients = appendUntilDown(server.url, "shutdown", 8, sent);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const end = await server.kill("SIGTERM");
    await clients;
    expect(end, server.output()).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain("SIGTERM: finishing the requests in flight");
    expect(server.output()).toContain("copgraph stopped");

    const restarted = await startServerProcess(dataDir);
    try {
      const log = await readCommunityLog(restarted.url, "shutdown");
      const acknowledged = expectDurableAppends(log, sent);
      expect(acknowledged).toBeGreaterThan(20);
      console.log(
        `shutdown test: ${acknowledged} writes acknowledged, ${sent.length - acknowledged} refused or unanswered after SIGTERM, ${log.length} events after restart`,
      );
    } finally {
      await restarted.kill();
    }
  });

  it("exits 0 on SIGINT when idle", async () => {
    const server = await startServerProcess(dataDir);
    expect(await server.kill("SIGINT")).toEqual({ code: 0, signal: null });
  });
});
