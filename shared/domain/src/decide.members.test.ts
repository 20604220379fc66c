import { describe, it } from "vitest";
import { cmd, community, erased, joined, left, registered, T0, T1, T2, T3 } from "./testing/fixtures.js";
import { given } from "./testing/spec.js";

const change = (data: Record<string, unknown>) =>
  cmd.change({ memberId: "a", occurredAt: T1, ...data } as Parameters<typeof cmd.change>[0]);
const attrs = (n: number, prefix = "k") =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, "v"]));

describe("JoinMember", () => {
  it("adds a member with attributes", () => {
    const event = joined("d", { attributes: { region: "north" }, organisation: "Uni", learningEnvironment: "formal" });
    given(community()).when(cmd.join(event)).then([event]);
  });

  it("accepts a join dated before the community was registered", () => {
    const event = joined("d", { occurredAt: "2024-06-01T00:00:00Z" });
    given([registered({ occurredAt: T1 })])
      .when(cmd.join(event))
      .then([event]);
  });

  it("refuses a memberId already used, even by a member who left or was erased", () => {
    given(community())
      .when(cmd.join(joined("a")))
      .thenThrows("member_already_joined", ["memberId"]);
    given([...community(), left("a")])
      .when(cmd.join(joined("a", { occurredAt: T3 })))
      .thenThrows("member_already_joined");
    given([...community(), erased("a")])
      .when(cmd.join(joined("a")))
      .thenThrows("member_already_joined");
  });
});

describe("ChangeMemberProfile", () => {
  it("records a change while the member is active", () => {
    const data = { memberId: "a", occupationalLayer: "management" as const, occurredAt: T1 };
    given(community())
      .when(cmd.change(data))
      .then([{ type: "MemberProfileChanged", data }]);
  });

  it("accepts a backdated change inside the membership, even after leaving was recorded", () => {
    given([...community(), left("a", T3)])
      .when(change({ sector: "health", occurredAt: T2 }))
      .then([{ type: "MemberProfileChanged", data: { memberId: "a", sector: "health", occurredAt: T2 } }]);
  });

  it("refuses an unknown member", () => {
    given(community())
      .when(change({ memberId: "zed", sector: "health" }))
      .thenThrows("unknown_member", ["memberId"]);
  });

  it("refuses a change before joining, at or after leaving, or after erasure", () => {
    given([registered(), joined("a", { occurredAt: T1 })])
      .when(change({ sector: "health", occurredAt: T0 }))
      .thenThrows("member_not_active", ["memberId"]);
    given([...community(), left("a", T2)])
      .when(change({ sector: "health", occurredAt: T2 }))
      .thenThrows("member_not_active");
    given([...community(), left("a", T2)])
      .when(change({ sector: "health", occurredAt: T3 }))
      .thenThrows("member_not_active");
    given([...community(), erased("a")])
      .when(change({ sector: "health" }))
      .thenThrows("member_not_active");
  });

  it("caps the attributes a member holds, counting removals and overwrites", () => {
    const full = [registered(), joined("a", { attributes: attrs(50) })];
    given(full)
      .when(change({ attributes: { extra: "v" } }))
      .thenThrows("too_many_attributes", ["attributes"]);
    given(full)
      .when(change({ attributes: { k0: "new value" } }))
      .then([
        { type: "MemberProfileChanged", data: { memberId: "a", occurredAt: T1, attributes: { k0: "new value" } } },
      ]);
    given(full)
      .when(change({ attributes: { k0: null, extra: "v" } }))
      .then([
        { type: "MemberProfileChanged", data: { memberId: "a", occurredAt: T1, attributes: { k0: null, extra: "v" } } },
      ]);
    const grown = [
      registered(),
      joined("a", { attributes: attrs(30) }),
      { type: "MemberProfileChanged" as const, data: { memberId: "a", occurredAt: T1, attributes: attrs(20, "x") } },
    ];
    given(grown)
      .when(change({ attributes: { y: "v" } }))
      .thenThrows("too_many_attributes");
  });
});

describe("LeaveCommunity", () => {
  it("records leaving, also on the instant of joining", () => {
    given(community())
      .when(cmd.leave(left("a")))
      .then([left("a")]);
    given(community())
      .when(cmd.leave(left("a", T0)))
      .then([left("a", T0)]);
  });

  it("refuses an unknown member", () => {
    given(community())
      .when(cmd.leave(left("zed")))
      .thenThrows("unknown_member", ["memberId"]);
  });

  it("refuses leaving twice", () => {
    given([...community(), left("a", T2)])
      .when(cmd.leave(left("a", T3)))
      .thenThrows("member_already_left", ["memberId"]);
  });

  it("refuses leaving before joining, and leaving after erasure", () => {
    given([registered(), joined("a", { occurredAt: T2 })])
      .when(cmd.leave(left("a", T1)))
      .thenThrows("member_not_active", ["memberId"]);
    given([...community(), erased("a")])
      .when(cmd.leave(left("a")))
      .thenThrows("member_not_active");
  });
});

describe("EraseMember", () => {
  it("erases an active member or one who left", () => {
    given(community())
      .when(cmd.erase(erased("a")))
      .then([erased("a")]);
    given([...community(), left("a", T1)])
      .when(cmd.erase(erased("a")))
      .then([erased("a")]);
  });

  it("refuses an unknown member", () => {
    given(community())
      .when(cmd.erase(erased("zed")))
      .thenThrows("unknown_member", ["memberId"]);
  });

  it("refuses erasing twice", () => {
    given([...community(), erased("a")])
      .when(cmd.erase(erased("a", T3)))
      .thenThrows("member_already_erased", ["memberId"]);
  });
});
