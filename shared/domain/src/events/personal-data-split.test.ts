import { describe, expect, it } from "vitest";
import { gathering, interaction, joined, registered } from "../testing/fixtures.js";
import type { CommunityEvent } from "./community-event.js";
import { eventDataSchemas, eventTypes } from "./community-event.js";
import { erasureSubjects, recordParties } from "./erasure-subjects.js";
import { parseEvent } from "./parse.js";
import { personalDataFields } from "./personal-data.js";
import {
  ERASED_TEXT,
  joinPersonalData,
  personalDataSubject,
  requiredPersonalDataFields,
  splitPersonalData,
} from "./personal-data-split.js";

const at = "2025-01-05T09:00:00Z";
const everyType: CommunityEvent[] = [
  registered({ description: "Makers of the north" }),
  joined("ada", { displayName: "Ada Lovelace", organisation: "Analytical Engines Ltd", attributes: { office: "x" } }),
  { type: "MemberProfileChanged", data: { memberId: "ada", organisation: null, sector: "research", occurredAt: at } },
  { type: "MemberLeft", data: { memberId: "ada", reason: "moved to Turin", occurredAt: at } },
  interaction("i1", "ada", ["bob"], { notes: "about looms" }),
  gathering("g1", ["ada", "bob"], { title: "Loom day", place: "Mill", notes: "tea" }),
  { type: "RecordRetracted", data: { recordId: "i1", reason: "Ada was ill", occurredAt: at } },
  { type: "MemberErased", data: { memberId: "ada", occurredAt: at } },
];

describe("splitPersonalData", () => {
  it("covers every event type in the fixtures", () => {
    expect(everyType.map((event) => event.type).sort()).toEqual([...eventTypes].sort());
  });

  it("leaves no field of personalDataFields in the stored body", () => {
    for (const event of everyType) {
      const { body, personal } = splitPersonalData(event);
      for (const field of personalDataFields[event.type]) expect(body.data, event.type).not.toHaveProperty(field);
      expect(Object.keys(personal).every((field) => personalDataFields[event.type].includes(field))).toBe(true);
    }
  });

  it("keeps ids, catalogue values, attributes and times in the body", () => {
    const { body, personal } = splitPersonalData(everyType[1]!);
    expect(body.data).toEqual({
      memberId: "ada",
      sector: "education",
      occupationalLayer: "professional",
      attributes: { office: "x" },
      occurredAt: "2025-01-01T09:00:00Z",
    });
    expect(personal).toEqual({ displayName: "Ada Lovelace", organisation: "Analytical Engines Ltd" });
  });

  it("keeps a cleared field (null) as a personal value", () => {
    expect(splitPersonalData(everyType[2]!).personal).toEqual({ organisation: null });
  });

  it("does not change the event it splits", () => {
    const event = structuredClone(everyType[5]!);
    splitPersonalData(event);
    expect(event).toEqual(everyType[5]);
  });
});

describe("joinPersonalData", () => {
  it("gives back exactly the event that was split, fields in schema order", () => {
    for (const event of everyType) {
      const { body, personal } = splitPersonalData(event);
      const joinedEvent = joinPersonalData(body, personal);
      expect(joinedEvent).toEqual(event);
      const schemaOrder = Object.keys(eventDataSchemas[event.type].shape);
      const keys = Object.keys(joinedEvent.data);
      expect(keys, event.type).toEqual(schemaOrder.filter((field) => keys.includes(field)));
    }
  });

  it("fills a required field whose value was erased, so the event stays valid", () => {
    expect(requiredPersonalDataFields.MemberJoined).toEqual(["displayName"]);
    expect(requiredPersonalDataFields.RecordRetracted).toEqual([]);
    for (const event of everyType) {
      const restored = joinPersonalData(splitPersonalData(event).body, {});
      expect(parseEvent(restored).ok, event.type).toBe(true);
      for (const field of personalDataFields[event.type]) {
        const value = (restored.data as Record<string, unknown>)[field];
        expect(value === undefined || value === ERASED_TEXT, `${event.type}.${field}`).toBe(true);
      }
    }
  });

  it("keeps a profile change that only renamed an erased member valid", () => {
    const renamed = { type: "MemberProfileChanged", data: { memberId: "ada", displayName: "Ada K", occurredAt: at } };
    const restored = joinPersonalData(splitPersonalData(renamed as CommunityEvent).body, {});
    expect(restored.data).toEqual({ memberId: "ada", displayName: ERASED_TEXT, occurredAt: at });
    expect(parseEvent(restored).ok).toBe(true);
  });

  it("keeps a value already in the body (a log recorded before the split)", () => {
    const legacy = everyType[1]!;
    expect(joinPersonalData(legacy, {})).toEqual(legacy);
  });
});

describe("subjects and parties", () => {
  it("name the member, record or community the personal values are about", () => {
    expect(everyType.map((event) => Object.values(personalDataSubject(event)).join(" "))).toEqual([
      "community makers",
      "member ada",
      "member ada",
      "member ada",
      "record i1",
      "record g1",
      "record i1",
      "member ada",
    ]);
  });

  it("list the members of interactions and gatherings only", () => {
    expect(everyType.map(recordParties)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      { recordId: "i1", members: ["ada", "bob"] },
      { recordId: "g1", members: ["ada", "bob"] },
      undefined,
      undefined,
    ]);
  });
});

describe("erasureSubjects", () => {
  it("are the member and every record they are a party to, once each", () => {
    const log = [...everyType, interaction("i2", "bob", ["cyd"]), gathering("g2", ["cyd", "ada"])];
    expect(erasureSubjects(log, ["ada"])).toEqual([
      { kind: "member", id: "ada" },
      { kind: "record", id: "i1" },
      { kind: "record", id: "g1" },
      { kind: "record", id: "g2" },
    ]);
    expect(erasureSubjects(log, ["cyd"]).map((subject) => subject.id)).toEqual(["cyd", "i2", "g2"]);
  });
});
