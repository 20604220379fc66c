import { describe, expect, it } from "vitest";
import {
  community,
  containing,
  erasedId,
  filesUnder,
  kept,
  type Send,
  secrets,
  seedPrivacyCommunity,
} from "../support/privacy-seed.js";
import { startServerProcess } from "../support/server-process.js";
import { suiteDataDir } from "../support/suite-data-dir.js";

// Erasure against a real server process: once the erasure has answered 2xx, no byte of any file
// under the data folder (WAL and SHM included) holds the member's personal data, whether the
// server is then stopped cleanly or killed outright. The files are read before any restart, so
// nothing the next start would finish can hide a leftover.

const sendTo =
  (url: string): Send =>
  async (method, path, payload, headers = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(payload),
    });
    return { status: response.status, body: await response.text() };
  };

describe.each([
  ["stopped cleanly (SIGTERM)", "SIGTERM"],
  ["killed (SIGKILL) right after the 2xx", "SIGKILL"],
] as const)("erasure on a real server, %s", (_name, signal) => {
  const dataDir = suiteDataDir(`erasure-${signal.toLowerCase()}`);

  it("leaves none of the member's personal data in any file, and the others' in place", async () => {
    const server = await startServerProcess(dataDir, { COPGRAPH_DEMO: "0" });
    try {
      const send = sendTo(server.url);
      await seedPrivacyCommunity(send);
      const before = filesUnder(dataDir).map(({ bytes }) => bytes);
      expect(containing(Buffer.concat(before), [kept.name])).toEqual([kept.name]);
      const erased = await send("POST", `/v1/communities/${community}/members/${erasedId}/erase`, {});
      expect(erased.status, erased.body).toBe(201);
    } finally {
      await server.kill(signal);
    }
    const files = filesUnder(dataDir);
    expect(files.map(({ file }) => file)).toEqual(expect.arrayContaining(["events.sqlite", "personal.sqlite"]));
    for (const { file, bytes } of files) expect(containing(bytes, secrets), file).toEqual([]);
    // Only the erased member's values went.
    expect(containing(Buffer.concat(files.map(({ bytes }) => bytes)), [kept.name, kept.notes])).toEqual([
      kept.name,
      kept.notes,
    ]);
  });
});
