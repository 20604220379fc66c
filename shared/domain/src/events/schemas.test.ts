import { describe, expect, it } from "vitest";
import { gathering, interaction, joined, registered } from "../testing/fixtures.js";
import { eventDataSchemas, eventSchemaVersions, eventTypes } from "./community-event.js";
import { MAX_ATTRIBUTES, reservedAttributeKeys } from "./fields.js";
import { communityIdFromStream, EventMetadataSchema, streamNameFor } from "./metadata.js";
import { personalDataFields } from "./personal-data.js";

const ok = (type: keyof typeof eventDataSchemas, data: unknown) => eventDataSchemas[type].safeParse(data).success;

describe("event data schemas", () => {
  it("cover the eight event types, all at schema version 1", () => {
    expect(Object.keys(eventDataSchemas)).toEqual([...eventTypes]);
    expect(Object.values(eventSchemaVersions)).toEqual(eventTypes.map(() => 1));
  });

  it("reject unknown keys on every event type", () => {
    const valid = {
      CommunityRegistered: registered().data,
      MemberJoined: joined("a").data,
      MemberProfileChanged: { memberId: "a", sector: "health", occurredAt: "2025-01-01T00:00:00Z" },
      MemberLeft: { memberId: "a", occurredAt: "2025-01-01T00:00:00Z" },
      InteractionRecorded: interaction("i1", "a", ["b"]).data,
      GatheringHeld: gathering("g1", ["a", "b"]).data,
      RecordRetracted: { recordId: "i1", reason: "typo", occurredAt: "2025-01-01T00:00:00Z" },
      MemberErased: { memberId: "a", occurredAt: "2025-01-01T00:00:00Z" },
    };
    for (const type of eventTypes) {
      expect(ok(type, valid[type]), type).toBe(true);
      expect(ok(type, { ...valid[type], extra: 1 }), type).toBe(false);
    }
  });

  it("require occurredAt with an offset or Z on every event type", () => {
    for (const type of eventTypes) {
      expect(eventDataSchemas[type].safeParse({}).error?.issues.some((i) => i.path[0] === "occurredAt")).toBe(true);
    }
    const data = joined("a").data;
    expect(ok("MemberJoined", { ...data, occurredAt: "2025-01-01T10:00:00+02:00" })).toBe(true);
    expect(ok("MemberJoined", { ...data, occurredAt: "2025-01-01T10:00:00.123Z" })).toBe(true);
    for (const bad of ["2025-01-01T10:00:00", "2025-01-01", "2025-02-30T10:00:00Z", "yesterday", 1735725600000]) {
      expect(ok("MemberJoined", { ...data, occurredAt: bad }), String(bad)).toBe(false);
    }
  });

  it("keep '-' out of communityId but allow it in other ids", () => {
    const data = registered().data;
    expect(ok("CommunityRegistered", { ...data, communityId: "makers_2025.nl" })).toBe(true);
    for (const bad of ["makers-2025", "", "_makers", "a".repeat(65), "mä"]) {
      expect(ok("CommunityRegistered", { ...data, communityId: bad }), bad).toBe(false);
    }
    expect(ok("MemberJoined", { ...joined("a").data, memberId: "urn:member:a-1" })).toBe(true);
    for (const bad of ["", "-a", "a b", "a/b", "a".repeat(129)]) {
      expect(ok("MemberJoined", { ...joined("a").data, memberId: bad }), bad).toBe(false);
    }
  });

  it("trim free text and refuse blank or overlong text", () => {
    const parsed = eventDataSchemas.MemberJoined.parse({ ...joined("a").data, displayName: "  Ada  " });
    expect(parsed.displayName).toBe("Ada");
    expect(ok("MemberJoined", { ...joined("a").data, displayName: "   " })).toBe(false);
    expect(ok("MemberJoined", { ...joined("a").data, displayName: "x".repeat(201) })).toBe(false);
    expect(ok("MemberLeft", { memberId: "a", occurredAt: "2025-01-01T00:00:00Z", reason: "x".repeat(2001) })).toBe(
      false,
    );
  });

  it("check catalogue values", () => {
    expect(ok("MemberJoined", { ...joined("a").data, sector: "finance" })).toBe(false);
    expect(ok("MemberJoined", { ...joined("a").data, learningEnvironment: "non-formal" })).toBe(true);
    expect(ok("InteractionRecorded", { ...interaction("i", "a", ["b"]).data, kind: "gossip" })).toBe(false);
    const participants = [
      { memberId: "a", role: "host" },
      { memberId: "b", role: "spectator" },
    ];
    expect(ok("GatheringHeld", { ...gathering("g", ["a", "b"]).data, participants })).toBe(false);
  });
});

describe("custom attributes", () => {
  const withAttributes = (attributes: unknown) => ok("MemberJoined", { ...joined("a").data, attributes });

  it("take identifier-like keys to non-empty categorical strings", () => {
    expect(withAttributes({ region: "north", "cohort.year": "2024", team_B: "x" })).toBe(true);
    for (const key of ["1st", "_x", "has space", "a-b", "x".repeat(65)]) {
      expect(withAttributes({ [key]: "v" }), key).toBe(false);
    }
    expect(withAttributes({ region: "" })).toBe(false);
    expect(withAttributes({ region: 3 })).toBe(false);
    expect(withAttributes({ region: "x".repeat(201) })).toBe(false);
  });

  it("must not collide with catalogue attribute names", () => {
    for (const key of reservedAttributeKeys) expect(withAttributes({ [key]: "v" }), key).toBe(false);
  });

  it(`hold at most ${MAX_ATTRIBUTES} keys`, () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    expect(withAttributes(many(MAX_ATTRIBUTES))).toBe(true);
    expect(withAttributes(many(MAX_ATTRIBUTES + 1))).toBe(false);
  });
});

describe("MemberProfileChanged", () => {
  const base = { memberId: "a", occurredAt: "2025-01-01T00:00:00Z" };

  it("needs at least one change", () => {
    expect(ok("MemberProfileChanged", base)).toBe(false);
    expect(ok("MemberProfileChanged", { ...base, attributes: {} })).toBe(false);
    for (const change of [
      { displayName: "Ada" },
      { sector: "research" },
      { occupationalLayer: "director" },
      { organisation: "Uni" },
      { learningEnvironment: "formal" },
      { attributes: { region: "south" } },
    ]) {
      expect(ok("MemberProfileChanged", { ...base, ...change }), JSON.stringify(change)).toBe(true);
    }
  });

  it("removes attributes and optional fields with null, but not required ones", () => {
    expect(ok("MemberProfileChanged", { ...base, attributes: { region: null } })).toBe(true);
    expect(ok("MemberProfileChanged", { ...base, organisation: null, learningEnvironment: null })).toBe(true);
    expect(ok("MemberProfileChanged", { ...base, sector: null })).toBe(false);
    expect(ok("MemberProfileChanged", { ...base, displayName: null })).toBe(false);
    expect(ok("MemberProfileChanged", { ...base, attributes: { sector: null } })).toBe(false);
  });
});

describe("InteractionRecorded", () => {
  const data = interaction("i1", "a", ["b"]).data;

  it("needs 1 to 500 distinct recipients", () => {
    expect(ok("InteractionRecorded", { ...data, to: [] })).toBe(false);
    expect(ok("InteractionRecorded", { ...data, to: ["b", "c", "b"] })).toBe(false);
    const many = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
    expect(ok("InteractionRecorded", { ...data, to: many(500) })).toBe(true);
    expect(ok("InteractionRecorded", { ...data, to: many(501) })).toBe(false);
  });

  it("takes a positive finite weight up to 1000", () => {
    for (const weight of [0.5, 1, 1000])
      expect(ok("InteractionRecorded", { ...data, weight }), String(weight)).toBe(true);
    for (const weight of [0, -1, 1000.5, Number.NaN, Number.POSITIVE_INFINITY, "2"]) {
      expect(ok("InteractionRecorded", { ...data, weight }), String(weight)).toBe(false);
    }
  });

  it("takes at most 20 short topics, an optional format and notes", () => {
    const topics = (n: number) => Array.from({ length: n }, (_, i) => `topic ${i}`);
    expect(ok("InteractionRecorded", { ...data, topics: topics(20), format: "online", notes: "ok" })).toBe(true);
    expect(ok("InteractionRecorded", { ...data, topics: topics(21) })).toBe(false);
    expect(ok("InteractionRecorded", { ...data, topics: [""] })).toBe(false);
    expect(ok("InteractionRecorded", { ...data, format: "phone" })).toBe(false);
  });
});

describe("GatheringHeld", () => {
  const data = gathering("g1", ["a", "b"]).data;

  it("needs at least two participant entries", () => {
    expect(ok("GatheringHeld", { ...data, participants: [{ memberId: "a", role: "host" }] })).toBe(false);
  });

  it("takes a duration in whole minutes up to a week", () => {
    expect(ok("GatheringHeld", { ...data, durationMinutes: 90 })).toBe(true);
    expect(ok("GatheringHeld", { ...data, durationMinutes: 10_080 })).toBe(true);
    for (const durationMinutes of [0, 1.5, 10_081, -5]) {
      expect(ok("GatheringHeld", { ...data, durationMinutes }), String(durationMinutes)).toBe(false);
    }
  });

  it("rejects unknown keys inside a participant", () => {
    const participants = [
      { memberId: "a", role: "host", name: "Ada" },
      { memberId: "b", role: "learner" },
    ];
    expect(ok("GatheringHeld", { ...data, participants })).toBe(false);
  });
});

describe("personalDataFields", () => {
  it("names, for every event type, only fields that its schema has", () => {
    for (const type of eventTypes) {
      const shape = eventDataSchemas[type].shape as Record<string, unknown>;
      for (const field of personalDataFields[type]) expect(shape, `${type}.${field}`).toHaveProperty(field);
    }
    expect(personalDataFields.MemberJoined).toContain("displayName");
    expect(personalDataFields.InteractionRecorded).toContain("notes");
    expect(personalDataFields.GatheringHeld).toEqual(expect.arrayContaining(["title", "place", "notes"]));
  });
});

describe("streams and metadata", () => {
  it("name one stream per community in the `community` category", () => {
    expect(streamNameFor("makers")).toBe("community-makers");
    expect(communityIdFromStream("community-makers")).toBe("makers");
    expect(communityIdFromStream("community-")).toBeNull();
    expect(communityIdFromStream("projection-x")).toBeNull();
  });

  it("validate envelope metadata and keep store-added keys", () => {
    const metadata = { schemaVersion: 1, recordedAt: "2025-01-01T00:00:00Z", recordedBy: "staff:7", $extra: 1 };
    expect(EventMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(EventMetadataSchema.safeParse({ schemaVersion: 0, recordedAt: "2025-01-01T00:00:00Z" }).success).toBe(false);
    expect(EventMetadataSchema.safeParse({ schemaVersion: 1 }).success).toBe(false);
  });
});
