import { describe, expect, it } from "vitest";
import { commandForEvent, commandTypeForEvent, commandTypes, eventTypeForCommand, parseCommand } from "./commands.js";
import { eventTypes } from "./events/community-event.js";
import { erased, gathering, interaction, joined, registered } from "./testing/fixtures.js";

describe("commands", () => {
  it("are 1:1 with event types", () => {
    expect(eventTypes.map((type) => commandTypeForEvent[type])).toEqual([...commandTypes]);
    for (const type of eventTypes) expect(eventTypeForCommand(commandTypeForEvent[type])).toBe(type);
  });

  it("map an event back to its command, and a command to its event type", () => {
    const event = interaction("i1", "a", ["b"]);
    const command = commandForEvent(event);
    expect(command).toEqual({ type: "RecordInteraction", data: event.data });
    expect(eventTypeForCommand(command)).toBe("InteractionRecorded");
    expect(commandForEvent(erased("a")).type).toBe("EraseMember");
  });
});

describe("parseCommand", () => {
  it("validates data with the schema of the event it produces", () => {
    expect(parseCommand({ type: "RegisterCommunity", data: registered().data })).toEqual({
      ok: true,
      command: { type: "RegisterCommunity", data: registered().data },
    });
    expect(parseCommand({ type: "RecordGathering", data: gathering("g", ["a", "b"]).data }).ok).toBe(true);
  });

  it("reports issues relative to { type, data }", () => {
    expect(parseCommand({ type: "JoinMember", data: { ...joined("a").data, sector: "finance" } })).toMatchObject({
      ok: false,
      issues: [{ path: ["data", "sector"] }],
    });
    expect(parseCommand({ type: "MemberJoined", data: joined("a").data })).toMatchObject({
      ok: false,
      issues: [{ path: ["type"] }],
    });
  });
});
