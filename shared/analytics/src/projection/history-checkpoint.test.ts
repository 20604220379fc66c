import {
  type CommunityEvent,
  gatheringFormats,
  interactionKinds,
  learningEnvironments,
  participantRoles,
} from "@copgraph/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CheckpointUnusableError } from "./checkpoint-columns.js";
import { CommunityHistory } from "./community-history.js";
import { day } from "./fixtures.js";
import {
  fromCheckpoint,
  HISTORY_CHECKPOINT_FORMAT,
  type HistoryCheckpoint,
  toCheckpoint,
} from "./history-checkpoint.js";
import { historyStart } from "./history-start.js";
import { projectSnapshot } from "./project-snapshot.js";
import type { GraphQuery } from "./query.js";
import type { StoredEvent } from "./stored-event.js";
import { logArb, memberIds, plain, queryArb } from "./testing/random-histories.js";

// The property test's random logs, plus events with the fields they leave out (interaction
// formats, gathering formats, learning environments, attributes removed), recorded late.
const member = fc.constantFrom(...memberIds);
const on = fc.integer({ min: 0, max: 24 }).map((n) => new Date(day(n / 2)).toISOString());
const extraEvents = fc.oneof(
  fc
    .record({ memberId: member, occurredAt: on, learningEnvironment: fc.constantFrom(...learningEnvironments, null) })
    .map(
      ({ learningEnvironment, ...data }): CommunityEvent => ({
        type: "MemberProfileChanged",
        data: { ...data, learningEnvironment, attributes: { office: null, team: "t" } },
      }),
    ),
  fc
    .record({ from: member, to: fc.uniqueArray(member, { minLength: 1, maxLength: 2 }), occurredAt: on })
    .chain((data) =>
      fc
        .record({ kind: fc.constantFrom(...interactionKinds), format: fc.constantFrom(...gatheringFormats) })
        .map(
          (more): CommunityEvent => ({ type: "InteractionRecorded", data: { ...data, ...more, interactionId: "x" } }),
        ),
    ),
  fc.tuple(member, member, fc.constantFrom(...gatheringFormats), fc.constantFrom(...participantRoles), on).map(
    ([a, b, format, role, occurredAt]): CommunityEvent => ({
      type: "GatheringHeld",
      data: {
        gatheringId: "y",
        format,
        occurredAt,
        participants: [...new Set([a, b])].map((memberId) => ({ memberId, role })),
      },
    }),
  ),
);
const richLogArb = fc
  .tuple(logArb, fc.array(fc.tuple(extraEvents, fc.integer({ min: 0, max: 15 })), { maxLength: 12 }))
  .map(([log, extras]) => [
    ...log,
    ...extras.map(
      ([event, recorded], i): StoredEvent => ({ event, recordedAt: day(recorded), revision: log.length + i }),
    ),
  ]);

/** Everything a history holds, in plain data (timelines hide their facts in private fields). */
function held(history: CommunityHistory) {
  const { members, retractions, ...rest } = history.state();
  return {
    ...rest,
    members: members.map((timeline) => ({ memberId: timeline.memberId, ...timeline.facts() })),
    retractions: [...retractions],
  };
}

/** What a query answers, in plain data. */
const answers = (history: CommunityHistory, query: GraphQuery) => ({
  snapshot: plain(projectSnapshot(history, query)),
  start: historyStart(history, query.knownAt),
  revision: history.revisionKnownAt(query.knownAt),
});

describe("history checkpoints", () => {
  it("give back a history that holds the same facts and answers every query the same", () => {
    fc.assert(
      fc.property(richLogArb, fc.array(queryArb, { minLength: 1, maxLength: 4 }), (log, queries) => {
        const history = CommunityHistory.fromEvents(log);
        // Through structured cloning too, as a file or a worker thread receives it.
        const restored = fromCheckpoint(structuredClone(toCheckpoint(history)));
        expect(held(restored)).toEqual(held(history));
        expect(restored.version).toBe(history.version);
        for (const query of queries) expect(answers(restored, query)).toEqual(answers(history, query));
      }),
      { numRuns: 200 },
    );
  });

  it("give back a history that goes on applying events as the original does", () => {
    fc.assert(
      fc.property(richLogArb, richLogArb, queryArb, (before, after, query) => {
        const history = CommunityHistory.fromEvents(before);
        const restored = fromCheckpoint(toCheckpoint(history));
        const later = after.map((stored) => ({ ...stored, revision: stored.revision + before.length }));
        for (const stored of later) {
          history.apply(stored);
          restored.apply(stored);
        }
        expect(held(restored)).toEqual(held(history));
        expect(answers(restored, query)).toEqual(answers(history, query));
      }),
      { numRuns: 150 },
    );
  });

  it("are a copy: events applied after it was taken do not change it", () => {
    fc.assert(
      fc.property(richLogArb, richLogArb, (before, after) => {
        const history = CommunityHistory.fromEvents(before);
        const checkpoint = toCheckpoint(history);
        const expected = held(fromCheckpoint(structuredClone(checkpoint)));
        for (const stored of after) history.apply({ ...stored, revision: stored.revision + before.length });
        expect(held(fromCheckpoint(checkpoint))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  describe("are refused (CheckpointUnusableError) when", () => {
    const taken = () => {
      const [log] = fc.sample(
        richLogArb.filter((l) => l.some((s) => s.event.type === "InteractionRecorded")),
        { numRuns: 1, seed: 7 },
      );
      return toCheckpoint(CommunityHistory.fromEvents(log!));
    };
    const refused = (checkpoint: unknown) =>
      expect(() => fromCheckpoint(checkpoint as HistoryCheckpoint)).toThrow(CheckpointUnusableError);

    it("taken in another format or by another projection version", () => {
      refused({ ...taken(), format: HISTORY_CHECKPOINT_FORMAT + 1 });
      refused({ ...taken(), projection: -1 });
      refused(undefined);
      refused({});
    });

    it("their columns do not fit together", () => {
      const checkpoint = taken();
      refused({ ...checkpoint, interactions: { ...checkpoint.interactions, weight: new Float64Array(0) } });
      refused({ ...checkpoint, interactions: { ...checkpoint.interactions, to: new Uint32Array(0) } });
      refused({ ...checkpoint, texts: [] });
      refused({ ...checkpoint, revisions: { ...checkpoint.revisions, times: new Float64Array(99) } });
    });
  });
});
