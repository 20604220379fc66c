import { Readable } from "node:stream";
import type { AllStreamResolvedEvent, EventStoreDBClient, ReadAllOptions } from "@eventstore/db-client";
import { describe, expect, it } from "vitest";
import { comparePositions } from "../internal/position.js";
import type { Position } from "../port.js";
import { readAllEvents } from "./reads.js";

// No server runs here: a fake $all checks the adapter's paging against both possible server
// behaviours for a backwards read from a position (including or excluding the event at it).

function fakeLog(count: number): AllStreamResolvedEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const system = i % 3 === 1; // interleave system events, as projections write them
    const position = { commit: BigInt(100 + i * 10), prepare: BigInt(100 + i * 10) };
    return {
      event: {
        streamId: system ? "$ce-community" : `community-${i % 2}`,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        type: system ? "$>" : "Happened",
        revision: BigInt(i),
        isJson: true,
        data: { i },
        metadata: {},
        created: new Date(0),
        position,
      },
      commitPosition: position.commit,
    } as AllStreamResolvedEvent;
  });
}

function fakeClient(log: AllStreamResolvedEvent[], backwardsIncludesFrom: boolean): EventStoreDBClient {
  const at = (e: AllStreamResolvedEvent) => e.event!.position as Position;
  return {
    readAll(options: ReadAllOptions = {}) {
      const forwards = options.direction !== "backwards";
      const from = options.fromPosition ?? (forwards ? "start" : "end");
      let items = forwards ? [...log] : [...log].reverse();
      if (typeof from === "object") {
        items = items.filter((e) => {
          const order = comparePositions(at(e), from);
          return forwards ? order >= 0 : order < 0 || (backwardsIncludesFrom && order === 0);
        });
      } else if ((forwards && from === "end") || (!forwards && from === "start")) {
        items = [];
      }
      return Readable.from(items.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)));
    },
  } as unknown as EventStoreDBClient;
}

describe.each([false, true])("readAllEvents (server backwards read includes its start: %s)", (inclusive) => {
  const log = fakeLog(40);
  const client = fakeClient(log, inclusive);
  const userIds = log.filter((e) => !e.event!.streamId.startsWith("$")).map((e) => e.event!.id);

  it("skips system events and pages forwards inclusively", async () => {
    const all = await readAllEvents(client, {});
    expect(all.map((e) => e.id)).toEqual(userIds);
    const page1 = await readAllEvents(client, { maxCount: 5 });
    const page2 = await readAllEvents(client, { fromPosition: page1.at(-1)!.position, maxCount: 5 });
    expect(page2[0]).toEqual(page1.at(-1));
    expect([...page1, ...page2.slice(1)].map((e) => e.id)).toEqual(userIds.slice(0, 9));
  });

  it("pages backwards exclusively, whatever the server does with the start", async () => {
    const pages: string[] = [];
    let from: Position | "end" = "end";
    for (;;) {
      const page = await readAllEvents(client, { direction: "backwards", fromPosition: from, maxCount: 4 });
      if (page.length === 0) break;
      pages.push(...page.map((e) => e.id));
      from = page.at(-1)!.position;
    }
    expect(pages).toEqual([...userIds].reverse());
  });

  it("fills maxCount across server pages full of system events", async () => {
    const sparse = fakeLog(3_000).filter((_, i) => i % 500 === 0 || i % 3 === 1);
    const sparseClient = fakeClient(sparse, inclusive);
    const read = await readAllEvents(sparseClient, { maxCount: 4 });
    expect(read).toHaveLength(4);
  });
});
