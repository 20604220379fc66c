import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommunityHistories, CommunityReader, CommunityWriter, PersonalData, PersonalVault } from "@copgraph/community";
import type { Notice } from "@copgraph/contract";
import { type Command, DomainError, type Watch, type WatchCondition } from "@copgraph/domain";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fuzzRuns } from "../testing/fuzz-runs.js";
import { evaluateWatch } from "./evaluate-watch.js";
import { NoticeBoard } from "./notice-board.js";
import { NoticeStore } from "./notice-store.js";
import { defaultWebhookSettings } from "./notices.js";
import { WatchLog } from "./watch-log.js";
import { WatchReadings } from "./watch-readings.js";
import { WebhookDeliverer } from "./webhook-deliverer.js";

// The board keeps each watch's weekly readings and, after a change, reads again only the steps
// from the earliest valid time the change touches. Oracle: a full evaluation on a reader of its own.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Wednesday: the community's first members join then. */
const START = Date.parse("2026-01-07T09:00:00Z");
const MEMBERS = ["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"];

/** An advice from one member to another at `at` (ms). */
const advice = (interactionId: string, from: string, to: string, at: number): Command => ({
  type: "RecordInteraction",
  data: { interactionId, kind: "advice", from, to: [to], occurredAt: new Date(at).toISOString() },
});

const CONDITIONS: WatchCondition[] = [
  { kind: "below-baseline", indicator: "silo.ei" },
  { kind: "above", indicator: "network.density", threshold: 0.15, window: "P30D" },
  { kind: "drops-by", indicator: "activity.active_members", by: 1, days: 21, window: "P30D" },
  { kind: "no-gathering", days: 10 },
];

/** Real parts on a real SQLite log: the reader and the writer have clocks of their own, moved by hand. */
class Harness {
  now = START;
  /** How far the writer's clock runs ahead: its records are known to the reader only later. */
  writerAhead = 0;
  readonly readings = new WatchReadings();
  readonly dir = mkdtempSync(join(tmpdir(), "copgraph-incremental-"));
  readonly store: EventStore = openSqliteEventStore({ path: join(this.dir, "events.sqlite") });
  readonly clock = () => new Date(this.now);
  readonly writer = new CommunityWriter(
    this.store,
    () => new Date(this.now + this.writerAhead),
    new PersonalData(PersonalVault.inMemory(), this.store),
  );
  readonly histories = new CommunityHistories(this.store);
  readonly reader = new CommunityReader(this.writer, this.histories, this.clock);
  /** The oracle's reader: a cache of its own, nothing shared with the board's. */
  readonly fullReader = new CommunityReader(this.writer, this.histories, this.clock);
  readonly watches = new WatchLog(this.store, this.clock);
  readonly noticeStore = new NoticeStore();
  readonly board = new NoticeBoard(
    this.watches,
    this.reader,
    this.histories,
    this.noticeStore,
    new WebhookDeliverer(this.noticeStore, defaultWebhookSettings, this.clock),
    this.clock,
    (link) => link,
    (message) => {
      throw new Error(message);
    },
    this.readings,
  );

  async start(): Promise<void> {
    this.histories.start();
    await this.board.start();
  }

  async close(): Promise<void> {
    this.board.stop();
    await this.histories.stop();
    this.noticeStore.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Appends the command; false when the decider refuses it (a random one may well be). */
  async write(communityId: string, command: Command): Promise<boolean> {
    try {
      await this.writer.write({ communityId, recordedBy: "test", correlationId: "test", commands: [command] });
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }

  /** A community of eight members in two sectors, one tie, and the watches set. */
  async community(communityId: string, conditions: readonly WatchCondition[]): Promise<Watch[]> {
    const at = new Date(START).toISOString();
    const registered = await this.write(communityId, {
      type: "RegisterCommunity",
      data: { communityId, name: communityId, concern: "c", occurredAt: at },
    });
    expect(registered).toBe(true);
    for (const [index, memberId] of MEMBERS.entries()) {
      const sector = index % 2 === 0 ? "education" : "business";
      const data = {
        memberId,
        displayName: memberId,
        sector,
        occupationalLayer: "professional",
        occurredAt: at,
      } as const;
      expect(await this.write(communityId, { type: "JoinMember", data })).toBe(true);
    }
    expect(await this.write(communityId, advice("tie0", "m0", "m1", START))).toBe(true);
    for (const condition of conditions) await this.watches.set(communityId, condition, "test");
    return this.watches.list(communityId);
  }

  /** The full recomputation of every watch, on the oracle's reader. */
  async full(communityId: string, watches: readonly Watch[]) {
    return Promise.all(watches.map((watch) => evaluateWatch(this.fullReader, communityId, watch, this.clock())));
  }

  /** The board's notices and kept readings equal a full recomputation's, watch by watch. */
  async expectIncrementalIsFull(communityId: string, watches: readonly Watch[], notices: readonly Notice[]) {
    const full = await this.full(communityId, watches);
    for (const [index, watch] of watches.entries()) {
      const expected = full[index]!;
      const label = JSON.stringify(watch.condition);
      expect(this.readings.get(communityId, watch) ?? [], label).toEqual(expected.readings);
      expect(
        notices.filter((notice) => notice.watchId === watch.watchId),
        label,
      ).toEqual(expected.notices);
    }
  }
}

type Operation =
  | { type: "interaction"; from: number; to: number; hoursAgo: number }
  | { type: "gathering"; members: number[]; hoursAgo: number }
  | { type: "profile"; member: number; sector: "education" | "business" | "health"; hoursAgo: number }
  | { type: "retract"; record: number }
  | { type: "join"; member: number; hoursAgo: number }
  | { type: "leave"; member: number; hoursAgo: number }
  | { type: "erase"; member: number };

/** Up to ten weeks back: many records are late, dated before ones recorded earlier (or before the start). */
const hoursAgo = fc.integer({ min: 0, max: 70 * 24 });
const member = fc.nat(MEMBERS.length + 1);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant("interaction"), from: member, to: member, hoursAgo }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("gathering"),
      members: fc.uniqueArray(member, { minLength: 2, maxLength: 4 }),
      hoursAgo,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("profile"),
      member,
      sector: fc.constantFrom("education", "business", "health"),
      hoursAgo,
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("retract"), record: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("join"), member, hoursAgo }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("leave"), member, hoursAgo }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("erase"), member }) },
);

const batch = fc.record({
  /** Often none (the same minute), at times more than a week (new steps). */
  advanceHours: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 24, max: 10 * 24 })),
  writerAheadHours: fc.constantFrom(0, 0, 0, 3, 50),
  operations: fc.array(operation, { minLength: 1, maxLength: 5 }),
});

/** The operation as a command; records get ids `r<n>` so retractions can name earlier ones. */
function commandOf(op: Operation, now: number, records: string[]): Command {
  const at = (hours: number) => new Date(now - hours * HOUR).toISOString();
  const memberId = (index: number) => MEMBERS[index] ?? `late${index}`;
  switch (op.type) {
    case "interaction": {
      const interactionId = `r${records.length}`;
      records.push(interactionId);
      return advice(interactionId, memberId(op.from), memberId(op.to), now - op.hoursAgo * HOUR);
    }
    case "gathering": {
      const gatheringId = `r${records.length}`;
      records.push(gatheringId);
      const participants = op.members.map((index, i) => ({
        memberId: memberId(index),
        role: i === 0 ? ("facilitator" as const) : ("participant" as const),
      }));
      return {
        type: "RecordGathering",
        data: { gatheringId, format: "meeting", participants, occurredAt: at(op.hoursAgo) },
      };
    }
    case "profile":
      return {
        type: "ChangeMemberProfile",
        data: { memberId: memberId(op.member), sector: op.sector, occurredAt: at(op.hoursAgo) },
      };
    case "retract":
      return {
        type: "RetractRecord",
        data: { recordId: records[op.record % Math.max(records.length, 1)] ?? "none", occurredAt: at(0) },
      };
    case "join": {
      // Dated 40 to 110 days before "now": often before the history's first fact, so the grid starts earlier.
      const data = {
        memberId: memberId(op.member),
        displayName: "Late",
        sector: "health",
        occupationalLayer: "student",
      } as const;
      return { type: "JoinMember", data: { ...data, occurredAt: at(op.hoursAgo + 40 * 24) } };
    }
    case "leave":
      return { type: "LeaveCommunity", data: { memberId: memberId(op.member), occurredAt: at(op.hoursAgo) } };
    case "erase":
      return { type: "EraseMember", data: { memberId: memberId(op.member), occurredAt: at(0) } };
  }
}

describe("incremental evaluation of watches", () => {
  let h: Harness;
  beforeAll(async () => {
    h = new Harness();
    await h.start();
  });
  afterAll(() => h.close());

  it("equals a full recomputation after every batch of late records, retractions, profile changes, joins, leaves and erasures", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 5 }), async (batches) => {
        const communityId = `c${run++}`;
        h.now = START + 30 * DAY;
        h.writerAhead = 0;
        const watches = await h.community(communityId, CONDITIONS);
        await h.expectIncrementalIsFull(communityId, watches, await h.board.refresh(communityId));
        const records: string[] = [];
        for (const { advanceHours, writerAheadHours, operations } of batches) {
          h.now += advanceHours * HOUR;
          h.writerAhead = writerAheadHours * HOUR;
          for (const op of operations) await h.write(communityId, commandOf(op, h.now, records));
          await h.expectIncrementalIsFull(communityId, watches, await h.board.refresh(communityId));
        }
      }),
      { numRuns: fuzzRuns(25) },
    );
  }, 120_000);
});

describe("what a change reads again", () => {
  let h: Harness;
  let watches: Watch[];
  const communityId = "weekly";
  let computations = 0;
  beforeAll(async () => {
    h = new Harness();
    await h.start();
    const indicators = h.reader.indicatorsInWorker.bind(h.reader);
    vi.spyOn(h.reader, "indicatorsInWorker").mockImplementation((...args) => {
      computations++;
      return indicators(...args);
    });
    watches = await h.community(communityId, [CONDITIONS[0]!]);
    // Twenty weeks of one tie a week, then "now" is a Wednesday.
    for (let week = 1; week <= 20; week++) {
      h.now = START + week * 7 * DAY;
      expect(await h.write(communityId, advice(`w${week}`, MEMBERS[week % 8]!, MEMBERS[(week + 3) % 8]!, h.now))).toBe(
        true,
      );
    }
  });
  afterAll(() => h.close());

  /** Indicator computations of one evaluation after the write, and that it equals a full one. */
  async function computationsAfter(write?: Command): Promise<number> {
    if (write) expect(await h.write(communityId, write)).toBe(true);
    computations = 0;
    const notices = await h.board.refresh(communityId);
    const counted = computations;
    await h.expectIncrementalIsFull(communityId, watches, notices);
    return counted;
  }
  const interactionOn = (interactionId: string, at: number) => advice(interactionId, "m2", "m5", at);

  it("reads the last step only for a record of the last week, none for one of today, the new step a week on, and from its date a late one", async () => {
    // Mondays from 12 January to 25 May (the first after the first join, the last before "now").
    const steps = await computationsAfter();
    expect(steps).toBe(20);
    // The last step is Monday 00:00 two days ago; Sunday is in the week before it.
    expect(await computationsAfter(interactionOn("sunday", h.now - 3 * DAY))).toBe(1);
    expect(await computationsAfter(interactionOn("today", h.now))).toBe(0);
    h.now += 7 * DAY;
    expect(await computationsAfter()).toBe(1);
    // Dated Monday 9 February 09:00, after the fifth step: the other 16 of the 21.
    expect(await computationsAfter(interactionOn("late", START + 33 * DAY))).toBe(16);
    // A retraction is dated by its record: the record of the last week, read at the last step only.
    expect(
      await computationsAfter({
        type: "RetractRecord",
        data: { recordId: "sunday", occurredAt: new Date(h.now).toISOString() },
      }),
    ).toBe(2);
    console.log(`indicator computations: ${steps} for the first evaluation; 1, 0, 1, 16 and 2 after each change`);
  });
});
