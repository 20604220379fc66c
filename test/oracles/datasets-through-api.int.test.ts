import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../services/api/src/testing/test-app.js";
import { florentineMarriage, karate, krackhardt } from "../../shared/analytics/src/indicators/testing/datasets.js";
import { type OracleDataset, oracle } from "../../shared/analytics/src/indicators/testing/oracles.js";
import type { CommunitySnapshot } from "../../shared/analytics/src/projection/community-snapshot.js";

// The whole path against networkx: data set → events → batch import over HTTP → projection →
// indicators. The oracle values come from shared/analytics/oracles/networkx_oracles.py and from
// the table in the metrics reference (reciprocity of Krackhardt's networks).

const TOLERANCE = 1e-9;

/** Members with the data set's attributes as custom attributes; one interaction per arc (or per edge, mutual). */
function toEvents(communityId: string, snapshot: CommunitySnapshot, undirected: boolean) {
  const events: unknown[] = [
    {
      type: "CommunityRegistered",
      data: { communityId, name: communityId, concern: "oracle", occurredAt: "2020-01-01T00:00:00Z" },
    },
  ];
  snapshot.graph.forEachNode((memberId, attributes) => {
    events.push({
      type: "MemberJoined",
      data: {
        memberId,
        displayName: `member ${memberId}`,
        sector: "other",
        occupationalLayer: "other",
        attributes,
        occurredAt: "2020-01-02T00:00:00Z",
      },
    });
  });
  let n = 0;
  snapshot.graph.forEachEdge((_edge, _attributes, source, target) => {
    if (undirected && source > target) return;
    events.push({
      type: "InteractionRecorded",
      data: {
        interactionId: `i${n++}`,
        kind: undirected ? "collaboration" : "advice",
        from: source,
        to: [target],
        occurredAt: "2020-02-01T00:00:00Z",
      },
    });
  });
  return events;
}

const cases: { dataset: OracleDataset; attribute: string; load: () => CommunitySnapshot; undirected: boolean }[] = [
  { dataset: "krackhardt_advice", attribute: "LEVEL", load: () => krackhardt("advice"), undirected: false },
  { dataset: "krackhardt_friendship", attribute: "LEVEL", load: () => krackhardt("friendship"), undirected: false },
  { dataset: "karate", attribute: "club", load: karate, undirected: true },
  { dataset: "florentine_marriage", attribute: "priorates", load: florentineMarriage, undirected: true },
];

/** Reciprocity of Krackhardt's networks as networkx 3.6.1 gives it (the metrics reference's table). */
const reciprocity: Partial<Record<OracleDataset, { edge: number; dyadic: number; rho: number }>> = {
  krackhardt_advice: { edge: 0.4736842105, dyadic: 0.3103448276, rho: 0.0389016018 },
  krackhardt_friendship: { edge: 0.4509803922, dyadic: 0.2911392405, rho: 0.2748797632 },
};

const close = (actual: number | null | undefined, expected: number | null | undefined, tolerance = TOLERANCE) => {
  if (expected === null || expected === undefined) return expect(actual ?? null).toBeNull();
  expect(actual).toBeTypeOf("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
};

describe.each(cases)("$dataset by $attribute, through the API", ({ dataset, attribute, load, undirected }) => {
  it("agrees with networkx to 1e-9", async () => {
    const t = await buildTestApp();
    try {
      const communityId = dataset.replaceAll("_", ".");
      const imported = await t.app.inject({
        method: "POST",
        url: `/v1/communities/${communityId}/events`,
        payload: { events: toEvents(communityId, load(), undirected) },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const response = await t.app.inject(
        `/v1/communities/${communityId}/indicators?attribute=${attribute}&details=members`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const got = response.json().indicators;
      const want = oracle(dataset);
      const byAttribute = want.attributes[attribute]!;

      expect(got["network.members"].value).toBe(want.N);
      expect(got["network.ties"].value).toBe(want.L);
      close(got["network.density"].value, want.density);
      expect(got["network.components"].value).toBe(want.components);
      close(got["silo.assortativity"].value, byAttribute.assortativity);
      close(got["silo.ei"].value, byAttribute.ei);
      close(got["silo.ei"].baseline, byAttribute.ei_expected);
      close(got["silo.ei_expected"].value, byAttribute.ei_expected);
      close(got["silo.cross_share"].value, byAttribute.cross_share);
      close(got["silo.modularity"].value, byAttribute.modularity);
      close(got["diversity.blau"].value, byAttribute.blau);
      for (const [group, value] of Object.entries(byAttribute.ei_by_group)) close(got["silo.ei"].byGroup[group], value);
      for (const [group, value] of Object.entries(byAttribute.coleman))
        close(got["silo.coleman"].byGroup[group], value);
      for (const [member, value] of Object.entries(want.betweenness))
        close(got["network.betweenness"].byMember[member], value);
      for (const [member, value] of Object.entries(want.constraint))
        close(got["silo.constraint"].byMember[member], value);
      const expectedReciprocity = reciprocity[dataset];
      if (expectedReciprocity) {
        // The reference table prints ten decimals.
        close(got["reciprocity.edge"].value, expectedReciprocity.edge, 1e-10);
        close(got["reciprocity.dyadic"].value, expectedReciprocity.dyadic, 1e-10);
        close(got["reciprocity.rho"].value, expectedReciprocity.rho, 1e-10);
      }
    } finally {
      await t.close();
    }
  });
});
