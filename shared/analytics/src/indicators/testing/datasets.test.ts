import { describe, expect, it } from "vitest";
import { florentineMarriage, KARATE_MEMBER_MOVED_TO_MR_HI, karate, krackhardt } from "./datasets.js";

function values(snapshot: ReturnType<typeof karate>, attribute: string): Record<string, number> {
  const counts: Record<string, number> = {};
  snapshot.graph.forEachNode((_node, attributes) => {
    const value = attributes[attribute]!;
    counts[value] = (counts[value] ?? 0) + 1;
  });
  return counts;
}

describe("data set loaders (read from shared/interchange/datasets at test time)", () => {
  it("Krackhardt advice and friendship: 21 managers, 190 and 102 arcs, LEVEL and DEPT as strings", () => {
    const advice = krackhardt("advice");
    const friendship = krackhardt("friendship");
    expect([advice.graph.order, advice.graph.size]).toEqual([21, 190]);
    expect([friendship.graph.order, friendship.graph.size]).toEqual([21, 102]);
    expect(values(advice, "LEVEL")).toEqual({ "1": 1, "2": 4, "3": 16 });
    expect(advice.graph.getNodeAttributes("7")).toEqual({ LEVEL: "1", DEPT: "0" });
    expect(advice.graph.selfLoopCount).toBe(0);
  });

  it("karate: 34 members, 78 ties as 156 arcs with their weights, networkx's club (member 9 with Mr. Hi)", () => {
    const club = karate();
    expect([club.graph.order, club.graph.size]).toEqual([34, 156]);
    expect(values(club, "club")).toEqual({ "Mr. Hi": 17, Officer: 17 });
    expect(club.graph.getNodeAttribute(KARATE_MEMBER_MOVED_TO_MR_HI, "club")).toBe("Mr. Hi");
    expect(club.graph.getNodeAttribute("10", "club")).toBe("Officer");
    expect(club.graph.getDirectedEdgeAttribute("1", "3", "weight")).toBe(5);
    expect(club.graph.getDirectedEdgeAttribute("3", "1", "weight")).toBe(5);
  });

  it("Florentine marriage: 16 families including the isolate Pucci, 20 ties as 40 arcs, priorates > 0", () => {
    const florence = florentineMarriage();
    expect([florence.graph.order, florence.graph.size]).toEqual([16, 40]);
    expect(florence.graph.degree("Pucci")).toBe(0);
    expect(values(florence, "priorates")).toEqual({ yes: 10, no: 6 });
    expect(florence.graph.getNodeAttribute("Medici", "priorates")).toBe("yes");
  });
});
