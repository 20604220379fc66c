import type { IndicatorValue } from "@copgraph/contract";
import { describe, expect, it } from "vitest";
import { memberPage, withoutMemberDetails } from "./member-parts.js";

// Hand-made values in the shapes the indicators give (member-details.int.test.ts checks the real
// catalogue through the API).
const values: Record<string, IndicatorValue> = {
  "network.density": { value: 0.5, version: 1 },
  "silo.ei": { value: 0.2, version: 1, byGroup: { health: 0.1 }, byMember: { cem: 1, ana: -1, ben: null } },
  "network.louvain": {
    value: 2,
    version: 1,
    details: { modularity: 0.3, partition: { ana: 0, ben: 1, cem: 0 }, communities: [["ana", "cem"], ["ben"]] },
  },
  "silo.clusters": {
    value: 1,
    version: 1,
    details: {
      clusterShare: 0.8,
      clusters: [
        { members: ["ana", "cem"], dominant: "health", silo: true },
        { members: ["ben"], dominant: "arts", silo: false },
      ],
    },
  },
  "network.isolates": { value: 0, version: 1, details: { members: [] } },
  "diversity.ego": { value: null, version: 1, byMember: {}, details: null },
};

describe("the community-level answer", () => {
  it("leaves out byMember and the member-level details, and says which", () => {
    const { indicators, omitted } = withoutMemberDetails(values);
    expect(indicators["network.density"]).toEqual(values["network.density"]);
    expect(indicators["silo.ei"]).toEqual({ value: 0.2, version: 1, byGroup: { health: 0.1 } });
    expect(indicators["network.louvain"]).toEqual({ value: 2, version: 1, details: { modularity: 0.3 } });
    expect(indicators["silo.clusters"]?.details).toEqual({
      clusterShare: 0.8,
      clusters: [
        { dominant: "health", silo: true },
        { dominant: "arts", silo: false },
      ],
    });
    expect(indicators["network.isolates"]).toEqual({ value: 0, version: 1, details: {} });
    expect(indicators["diversity.ego"]).toEqual({ value: null, version: 1, details: null });
    expect(omitted).toEqual({
      "silo.ei": ["byMember"],
      "network.louvain": ["details.partition", "details.communities[][]"],
      "silo.clusters": ["details.clusters[].members[]"],
      "network.isolates": ["details.members[]"],
      "diversity.ego": ["byMember"],
    });
  });

  it("does not change the values it was given", () => {
    const before = structuredClone(values);
    withoutMemberDetails(values);
    memberPage(values, 1, 2);
    expect(values).toEqual(before);
  });
});

describe("a page of members", () => {
  it("holds the members of the page, in the order of their ids, in every member-level part", () => {
    const first = memberPage(values, 1, 2);
    expect(first.memberDetails).toEqual({
      included: true,
      page: 1,
      pageSize: 2,
      members: 3,
      pages: 2,
      order: "member id",
    });
    expect(first.indicators["silo.ei"]).toEqual({
      value: 0.2,
      version: 1,
      byGroup: { health: 0.1 },
      byMember: { ana: -1, ben: null },
    });
    expect(first.indicators["network.louvain"]?.details).toEqual({
      modularity: 0.3,
      partition: { ana: 0, ben: 1 },
      communities: [["ana"], ["ben"]],
    });
    const second = memberPage(values, 2, 2);
    expect(second.indicators["silo.ei"]?.byMember).toEqual({ cem: 1 });
    // A list keeps its places, so `partition` still indexes `communities`.
    expect(second.indicators["network.louvain"]?.details).toEqual({
      modularity: 0.3,
      partition: { cem: 0 },
      communities: [["cem"], []],
    });
    expect(second.indicators["silo.clusters"]?.details).toMatchObject({
      clusters: [
        { members: ["cem"], dominant: "health", silo: true },
        { members: [], dominant: "arts", silo: false },
      ],
    });
  });

  it("past the last page, holds no member but every community-level value", () => {
    const beyond = memberPage(values, 3, 2);
    expect(beyond.memberDetails).toMatchObject({ page: 3, members: 3, pages: 2 });
    expect(beyond.indicators["silo.ei"]).toEqual({ value: 0.2, version: 1, byGroup: { health: 0.1 }, byMember: {} });
    expect(beyond.indicators["network.density"]).toEqual(values["network.density"]);
  });

  it("all pages together give back every value", () => {
    const pages = [1, 2, 3].map((page) => memberPage(values, page, 1).indicators);
    const byMember = Object.assign({}, ...pages.map((page) => page["silo.ei"]?.byMember));
    expect(byMember).toEqual(values["silo.ei"]?.byMember);
    const communities = [[], []] as string[][];
    for (const page of pages) {
      const details = page["network.louvain"]?.details as { communities: string[][] };
      for (const [index, members] of details.communities.entries()) communities[index]?.push(...members);
    }
    expect(communities).toEqual([["ana", "cem"], ["ben"]]);
  });
});
