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

// A real server process is killed with SIGKILL while clients append. After a restart every
// acknowledged event must be there, no unacknowledged batch may be partly there, and the
// community's revisions must have no gaps.

const dataDir = suiteDataDir("crash");

describe("SIGKILL while appending", () => {
  it("keeps every acknowledged event, no partial batch, and no revision gap, across two crashes", async () => {
    let server = await startServerProcess(dataDir);
    await seedAppendCommunity(server.url, "crash");
    const sent: SentWrite[] = [];
    for (let crash = 0; crash < 2; crash++) {
      const clients = appendUntilDown(server.url, "crash", 8, sent);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await server.kill("SIGKILL");
      await clients;
      server = await startServerProcess(dataDir);
    }
    try {
      const log = await readCommunityLog(server.url, "crash");
      const acknowledged = expectDurableAppends(log, sent);
      expect(acknowledged).toBeGreaterThan(20);
      console.log(
        `crash test: ${acknowledged} writes acknowledged, ${sent.length - acknowledged} in flight at the kills, ${log.length} events after restart`,
      );
    } finally {
      await server.kill();
    }
  });
});
