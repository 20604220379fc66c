import { createHmac } from "node:crypto";
import { CommunityHistory, projectSnapshot } from "@copgraph/analytics";
import { parseEvent } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { importNdjson, toNdjson } from "./ndjson.js";
import { pseudonymise } from "./pseudonymise.js";
import { day, loggedEvents, sampleCommunity, sampleSecrets, storedEvents } from "./testing/log.js";

const KEY = "export-key-2025-study-A-0123456789";
const OTHER_KEY = "export-key-2025-study-B-9876543210";
const log = loggedEvents(sampleCommunity());
const memberIds = (events: ReturnType<typeof pseudonymise>) =>
  events.filter((event) => event.type === "MemberJoined").map((event) => event.data.memberId as string);

describe("pseudonymise", () => {
  it("leaves no member name, free text, member id or client-chosen record id in the export", () => {
    const text = toNdjson(pseudonymise(log, KEY));
    for (const secret of sampleSecrets) expect(text, secret).not.toContain(secret);
    // The input did hold them all.
    const input = toNdjson(log);
    for (const secret of sampleSecrets) expect(input, secret).toContain(secret);
  });

  it("uses HMAC-SHA-256(key, memberId) as pseudonym: the same for one key, different for another", () => {
    const first = memberIds(pseudonymise(log, KEY));
    expect(first[0]).toBe(`p_${createHmac("sha256", KEY).update("ada.lovelace").digest("hex").slice(0, 16)}`);
    expect(memberIds(pseudonymise(log, KEY))).toEqual(first);
    const other = memberIds(pseudonymise(log, OTHER_KEY));
    for (const [i, pseudonym] of other.entries()) expect(pseudonym).not.toBe(first[i]);
    for (const pseudonym of first) expect(pseudonym).toMatch(/^p_[0-9a-f]{16}$/);
  });

  it("replaces ids everywhere consistently, so the graph keeps its shape", () => {
    const exported = pseudonymise(log, KEY);
    const at = day(20);
    const original = projectSnapshot(CommunityHistory.fromEvents(storedEvents(log)), { at, knownAt: at }).graph;
    const pseudonymous = projectSnapshot(CommunityHistory.fromEvents(storedEvents(exported)), {
      at,
      knownAt: at,
    }).graph;
    expect(pseudonymous.order).toBe(original.order);
    expect(pseudonymous.size).toBe(original.size);
    const weights = (graph: typeof original) => graph.mapEdges((_e, attributes) => attributes.weight).sort();
    expect(weights(pseudonymous)).toEqual(weights(original));
    const gathering = exported.find((event) => event.type === "GatheringHeld")!;
    const retraction = exported.find((event) => event.type === "RecordRetracted")!;
    const retracted = exported.find((event) => event.type === "InteractionRecorded" && event.data.kind === "feedback")!;
    expect(retraction.data.recordId).toBe(retracted.data.interactionId);
    expect(gathering.data).toEqual({
      gatheringId: expect.stringMatching(/^r_[0-9a-f]{16}$/),
      format: "workshop",
      occurredAt: log.find((event) => event.type === "GatheringHeld")!.occurredAt,
      durationMinutes: 90,
      participants: [
        { memberId: memberIds(exported)[0], role: "facilitator" },
        { memberId: memberIds(exported)[1], role: "learner" },
        { memberId: memberIds(exported)[3], role: "participant" },
      ],
    });
  });

  it("keeps catalogue values, attributes, weights and both clocks; drops topics (free text); puts placeholders in required text; cuts metadata", () => {
    const exported = pseudonymise(log, KEY);
    const joined = exported.find((event) => event.type === "MemberJoined")!;
    expect(joined.data).toEqual({
      memberId: memberIds(exported)[0],
      displayName: memberIds(exported)[0],
      sector: "education",
      occupationalLayer: "director",
      attributes: { region: "north" },
      occurredAt: log[1]!.occurredAt,
    });
    const retraction = exported.find((event) => event.type === "RecordRetracted")!;
    expect(retraction.data).toEqual({ recordId: expect.any(String), occurredAt: log[11]!.occurredAt });
    const advice = exported.find((event) => event.type === "InteractionRecorded")!;
    expect(advice.data).toMatchObject({ kind: "advice", weight: 2 });
    expect(advice.data).not.toHaveProperty("topics");
    for (const event of exported) {
      expect(event.metadata).toEqual({ schemaVersion: 1, recordedAt: event.recordedAt });
      expect(event.position).toBe(event.revision);
    }
    expect(exported.find((event) => event.type === "CommunityRegistered")!.data).toEqual({
      communityId: "healthy",
      name: "Healthy lifestyle",
      concern: "Healthy food at school",
      occurredAt: log[0]!.occurredAt,
    });
  });

  it("gives valid events that import again, dropping a profile change that only renamed", () => {
    const exported = pseudonymise(log, KEY);
    expect(exported).toHaveLength(log.length - 1);
    expect(exported.some((event) => event.revision === 5)).toBe(false);
    for (const event of exported) expect(parseEvent({ type: event.type, data: event.data }).ok).toBe(true);
    const imported = importNdjson(toNdjson(exported));
    expect(imported).toMatchObject({ ok: true });
    const ids = exported.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pseudonymise(log, KEY).map((event) => event.id)).toEqual(ids);
  });

  it("refuses short keys and unknown event types", () => {
    expect(() => pseudonymise(log, "short")).toThrow(RangeError);
    expect(() => pseudonymise([{ ...log[0]!, type: "Mystery" }], KEY)).toThrow(/unknown event type/);
  });
});
