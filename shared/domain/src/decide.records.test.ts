import { describe, it } from "vitest";
import {
  cmd,
  community,
  erased,
  gathering,
  interaction,
  joined,
  left,
  registered,
  retracted,
  T0,
  T1,
  T2,
  T3,
} from "./testing/fixtures.js";
import { given } from "./testing/spec.js";

describe("RecordInteraction", () => {
  it("records a tie to several members", () => {
    const event = interaction("i1", "a", ["b", "c"], { kind: "collaboration", weight: 2, topics: ["3d printing"] });
    given(community()).when(cmd.interact(event)).then([event]);
  });

  it("accepts an interaction logged late, while both were members", () => {
    const event = interaction("i1", "a", ["b"], { occurredAt: T1 });
    given([...community(), left("b", T2)])
      .when(cmd.interact(event))
      .then([event]);
  });

  it("refuses an unknown giver or recipient, pointing at it", () => {
    given(community())
      .when(cmd.interact(interaction("i1", "zed", ["b"])))
      .thenThrows("unknown_member", ["from"]);
    given(community())
      .when(cmd.interact(interaction("i1", "a", ["b", "zed"])))
      .thenThrows("unknown_member", ["to", 1]);
  });

  it("refuses a self-tie", () => {
    given(community())
      .when(cmd.interact(interaction("i1", "a", ["a"])))
      .thenThrows("self_tie", ["to", 0]);
    given(community())
      .when(cmd.interact(interaction("i1", "a", ["b", "c", "a"])))
      .thenThrows("self_tie", ["to", 2]);
  });

  it("refuses a repeated recipient that slipped past the schema", () => {
    given(community())
      .when(cmd.interact(interaction("i1", "a", ["b", "b"])))
      .thenThrows("duplicate_participant", ["to", 1]);
  });

  it("refuses members who were not members at occurredAt", () => {
    const late = [registered(), joined("a"), joined("b", { occurredAt: T2 })];
    given(late)
      .when(cmd.interact(interaction("i1", "a", ["b"], { occurredAt: T1 })))
      .thenThrows("member_not_active", ["to", 0]);
    given([...community(), left("a", T1)])
      .when(cmd.interact(interaction("i1", "a", ["b"], { occurredAt: T1 })))
      .thenThrows("member_not_active", ["from"]);
    given([...community(), left("c", T1)])
      .when(cmd.interact(interaction("i1", "a", ["b", "c"], { occurredAt: T2 })))
      .thenThrows("member_not_active", ["to", 1]);
    given([...community(), erased("b", T3)])
      .when(cmd.interact(interaction("i1", "a", ["b"], { occurredAt: T1 })))
      .thenThrows("member_not_active", ["to", 0]);
  });

  it("refuses an id already used by an interaction or a gathering, even a retracted one", () => {
    const base = [...community(), interaction("i1", "a", ["b"]), gathering("g1", ["a", "b"]), retracted("i1")];
    given(base)
      .when(cmd.interact(interaction("i1", "b", ["c"])))
      .thenThrows("duplicate_record_id", ["interactionId"]);
    given(base)
      .when(cmd.interact(interaction("g1", "b", ["c"])))
      .thenThrows("duplicate_record_id", ["interactionId"]);
  });
});

describe("RecordGathering", () => {
  it("records a gathering with roles", () => {
    const event = gathering("g1", ["a", "b", "c"], { title: "Soldering 101", durationMinutes: 120, place: "Lab" });
    given(community()).when(cmd.gather(event)).then([event]);
  });

  it("refuses fewer than two distinct members", () => {
    given(community())
      .when(cmd.gather(gathering("g1", ["a", "a"])))
      .thenThrows("too_few_participants", ["participants"]);
  });

  it("refuses a member listed twice", () => {
    given(community())
      .when(cmd.gather(gathering("g1", ["a", "b", "a"])))
      .thenThrows("duplicate_participant", ["participants", 2, "memberId"]);
  });

  it("refuses unknown or inactive participants, pointing at them", () => {
    given(community())
      .when(cmd.gather(gathering("g1", ["a", "zed"])))
      .thenThrows("unknown_member", ["participants", 1, "memberId"]);
    given([...community(), left("c", T0)])
      .when(cmd.gather(gathering("g1", ["a", "b", "c"])))
      .thenThrows("member_not_active", ["participants", 2, "memberId"]);
  });

  it("refuses an id already used by an interaction", () => {
    given([...community(), interaction("x", "a", ["b"])])
      .when(cmd.gather(gathering("x", ["a", "b"])))
      .thenThrows("duplicate_record_id", ["gatheringId"]);
  });
});

describe("RetractRecord", () => {
  const recorded = [...community(), interaction("i1", "a", ["b"]), gathering("g1", ["a", "b"])];

  it("retracts an interaction or a gathering", () => {
    given(recorded)
      .when(cmd.retract(retracted("i1")))
      .then([retracted("i1")]);
    given(recorded)
      .when(cmd.retract(retracted("g1")))
      .then([retracted("g1")]);
  });

  const withoutReason = (recordId: string) => {
    const { reason: _reason, ...data } = retracted(recordId, T3).data;
    return { type: "RecordRetracted" as const, data };
  };

  it("retracts a record even after its members left or were erased (without a reason once erased)", () => {
    given([...recorded, left("a", T2), erased("b", T3)])
      .when(cmd.retract(withoutReason("i1")))
      .then([withoutReason("i1")]);
  });

  it("refuses a reason for a record an erased member took part in: free text may name them", () => {
    given([...recorded, erased("b", T3)])
      .when(cmd.retract(retracted("i1", T3)))
      .thenThrows("erased_party_free_text", ["reason"]);
    given([...recorded, erased("a", T3)])
      .when(cmd.retract(retracted("g1", T3)))
      .thenThrows("erased_party_free_text", ["reason"]);
    given([...recorded, left("a", T2)])
      .when(cmd.retract(retracted("i1", T3)))
      .then([retracted("i1", T3)]);
  });

  it("refuses an unknown record (a member id is not a record)", () => {
    given(recorded)
      .when(cmd.retract(retracted("nope")))
      .thenThrows("unknown_record", ["recordId"]);
    given(recorded)
      .when(cmd.retract(retracted("a")))
      .thenThrows("unknown_record");
  });

  it("refuses retracting twice", () => {
    given([...recorded, retracted("g1")])
      .when(cmd.retract(retracted("g1", T3)))
      .thenThrows("record_already_retracted", ["recordId"]);
  });
});
