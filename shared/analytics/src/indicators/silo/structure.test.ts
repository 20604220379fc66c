import { describe, expect, it } from "vitest";
import { optionsFor, snapshotOf } from "../testing/snapshot.js";
import { brokerageIndicator, roleOf } from "./brokerage.js";
import { type Cluster, siloClustersIndicator } from "./clusters.js";
import { constraintIndicator } from "./constraint.js";
import { effectiveSizeIndicator } from "./effective-size.js";

const sector = optionsFor("sector");

describe("silo.brokerage", () => {
  it("classifies a → b → c by the three groups", () => {
    expect(roleOf("X", "X", "X")).toBe("coordinator");
    expect(roleOf("Y", "X", "Y")).toBe("itinerant");
    expect(roleOf("X", "X", "Y")).toBe("representative");
    expect(roleOf("Y", "X", "X")).toBe("gatekeeper");
    expect(roleOf("Y", "X", "Z")).toBe("liaison");
  });

  it("counts each open two-path through a broker once, skipping closed ones and a = c", () => {
    // b (health) receives from p1 (health), p2 (business), p3 (civil-society) and sends to
    // q1 (health), q2 (civil-society); p1 → q1 closes that path; b ↔ p1 gives p1 → b → p1 (a = c).
    const snapshot = snapshotOf({
      members: {
        b: { sector: "health" },
        p1: { sector: "health" },
        p2: { sector: "business" },
        p3: { sector: "civil-society" },
        q1: { sector: "health" },
        q2: { sector: "civil-society" },
        u: {},
      },
      arcs: [
        ["p1", "b"],
        ["p2", "b"],
        ["p3", "b"],
        ["b", "q1"],
        ["b", "q2"],
        ["p1", "q1"],
        ["b", "p1"],
        ["u", "b"],
      ],
    });
    const result = brokerageIndicator.compute(snapshot, sector);
    const details = result.details as { byMember: Record<string, Record<string, number>>; totals: unknown };
    // p1→b→q2 representative; p2→b→q1 gatekeeper, p2→b→q2 liaison, p2→b→p1 gatekeeper;
    // p3→b→q1 gatekeeper, p3→b→q2 itinerant, p3→b→p1 gatekeeper; p1→b→q1 closed; u unlabelled.
    expect(details.byMember.b).toEqual({
      coordinator: 0,
      itinerant: 1,
      representative: 1,
      gatekeeper: 4,
      liaison: 1,
    });
    expect(result.byMember).toMatchObject({ b: 7, p2: 0, u: null });
    // p1 brokers b → p1 → q1? b→p1→q1 with b→q1 present: closed. So only b brokers.
    expect(result.value).toBe(7);
    expect(details.totals).toEqual(details.byMember.b);
  });

  it("is 0 without open two-paths (a true count) and has null members without a value", () => {
    const mutual = snapshotOf({ members: { a: { sector: "health" }, b: {} }, edges: [["a", "b"]] });
    expect(brokerageIndicator.compute(mutual, sector)).toMatchObject({ value: 0, byMember: { a: 0, b: null } });
  });
});

describe("silo.constraint and silo.effective_size (Burt, networkx definitions)", () => {
  const star = snapshotOf({
    members: { c: {}, l1: {}, l2: {}, l3: {} },
    edges: [
      ["c", "l1"],
      ["c", "l2"],
      ["c", "l3"],
    ],
  });
  const triangle = snapshotOf({
    members: { a: {}, b: {}, c: {} },
    edges: [
      ["a", "b"],
      ["b", "c"],
      ["c", "a"],
    ],
  });

  it("star: the centre spans holes (constraint 1/3, effective size 3); leaves are constrained", () => {
    const constraint = constraintIndicator.compute(star, sector);
    expect(constraint.byMember!.c).toBeCloseTo(1 / 3, 15);
    expect(constraint.byMember!.l1).toBe(1);
    expect(constraint.value).toBeCloseTo((1 / 3 + 3) / 4, 15);
    expect(constraint.details).toEqual({ min: constraint.byMember!.c });
    const size = effectiveSizeIndicator.compute(star, sector);
    expect(size.byMember).toEqual({ c: 3, l1: 1, l2: 1, l3: 1 });
    expect(size.value).toBe(1.5);
  });

  it("triangle: constraint 2·(1/2 + 1/4)² = 1.125, effective size n − 2t/n = 1", () => {
    expect(constraintIndicator.compute(triangle, sector).byMember!.a).toBeCloseTo(1.125, 15);
    expect(effectiveSizeIndicator.compute(triangle, sector).byMember!.a).toBeCloseTo(1, 15);
  });

  it("directed: a mutual tie weighs 2, a one-way tie 1; a member with only in-ties gets a value", () => {
    // a ↔ b, a → c, c → b. For a: m_ab = 2, m_ac = 1 → p_ab = 2/3, p_ac = 1/3.
    const snapshot = snapshotOf({
      members: { a: {}, b: {}, c: {} },
      arcs: [
        ["a", "b"],
        ["b", "a"],
        ["a", "c"],
        ["c", "b"],
      ],
    });
    // p_cb = 1/2 (c: m_ca = 1, m_cb = 1), p_ba = 2/3 (b: m_ba = 2, m_bc = 1).
    // c_a = (2/3 + 1/3·1/2)² + (1/3 + 2/3·1/3)²
    const expected = (2 / 3 + 1 / 6) ** 2 + (1 / 3 + 2 / 9) ** 2;
    expect(constraintIndicator.compute(snapshot, sector).byMember!.a).toBeCloseTo(expected, 15);
    // e_a: for b, 1 − p_ac·m_bc/max_b = 1 − 1/3·1/2; for c, 1 − p_ab·m_cb/max_c = 1 − 2/3·1.
    expect(effectiveSizeIndicator.compute(snapshot, sector).byMember!.a).toBeCloseTo(5 / 6 + 1 / 3, 15);
    const inOnly = snapshotOf({ members: { a: {}, b: {} }, arcs: [["a", "b"]] });
    expect(constraintIndicator.compute(inOnly, sector).byMember).toEqual({ a: 1, b: 1 });
    expect(effectiveSizeIndicator.compute(inOnly, sector).byMember).toEqual({ a: 1, b: 1 });
  });

  it("is null for isolates, and the value null when everyone is isolated", () => {
    const lonely = snapshotOf({ members: { a: {}, b: {} } });
    expect(constraintIndicator.compute(lonely, sector)).toEqual({
      value: null,
      byMember: { a: null, b: null },
      details: { min: null },
    });
    expect(effectiveSizeIndicator.compute(lonely, sector)).toEqual({ value: null, byMember: { a: null, b: null } });
    expect(constraintIndicator.compute(snapshotOf({ members: {} }), sector).value).toBeNull();
  });
});

describe("silo.clusters", () => {
  const clique = (ids: string[]) => ids.flatMap((s) => ids.filter((t) => t !== s).map((t) => [s, t] as const));
  const snapshot = snapshotOf({
    members: {
      a: { sector: "health" },
      b: { sector: "health" },
      c: { sector: "health" },
      d: { sector: "health" },
      w: { sector: "business" },
      x: { sector: "business" },
      y: { sector: "business" },
      z: { sector: "education" },
      solo: { sector: "health" },
    },
    arcs: [...clique(["a", "b", "c", "d"]), ...clique(["w", "x", "y", "z"]), ["d", "w"]],
  });

  it("counts Louvain clusters with ≥ 80% one value and at least 3 members with a value", () => {
    const result = siloClustersIndicator.compute(snapshot, sector);
    const details = result.details as { clusters: Cluster[]; clusterShare: number; clusterMinSize: number };
    expect(result.value).toBe(1);
    expect(details).toMatchObject({ clusterShare: 0.8, clusterMinSize: 3 });
    // 12 internal arcs + the bridge touch each 4-clique: 1 of 13 leaves.
    expect(details.clusters).toEqual([
      { members: ["a", "b", "c", "d"], dominant: "health", share: 1, leaving: 1 / 13, silo: true },
      { members: ["w", "x", "y", "z"], dominant: "business", share: 0.75, leaving: 1 / 13, silo: false },
      { members: ["solo"], dominant: "health", share: 1, leaving: null, silo: false },
    ]);
  });

  it("takes the share and minimum size as options", () => {
    expect(siloClustersIndicator.compute(snapshot, { ...sector, clusterShare: 0.75 } as typeof sector).value).toBe(2);
    expect(siloClustersIndicator.compute(snapshot, { ...sector, clusterMinSize: 1 } as typeof sector).value).toBe(2);
    expect(siloClustersIndicator.compute(snapshot, { ...sector, clusterMinSize: 5 } as typeof sector).value).toBe(0);
  });

  it("leaves members without a value out of the share", () => {
    const partly = snapshotOf({
      members: { a: { sector: "health" }, b: { sector: "health" }, c: { sector: "health" }, u: {} },
      arcs: clique(["a", "b", "c", "u"]),
    });
    const clusters = (siloClustersIndicator.compute(partly, sector).details as { clusters: Cluster[] }).clusters;
    expect(clusters).toEqual([{ members: ["a", "b", "c", "u"], dominant: "health", share: 1, leaving: 0, silo: true }]);
  });

  it("is null without ties; a cluster with no member having a value has no share", () => {
    expect(siloClustersIndicator.compute(snapshotOf({ members: { a: {} } }), sector)).toEqual({
      value: null,
      details: null,
    });
    const unlabelled = snapshotOf({ members: { a: {}, b: {} }, edges: [["a", "b"]] });
    const result = siloClustersIndicator.compute(unlabelled, sector);
    expect(result.value).toBe(0);
    expect((result.details as { clusters: Cluster[] }).clusters[0]).toMatchObject({ dominant: null, share: null });
  });
});
