import { readdirSync, readFileSync } from "node:fs";
import { CommunityHistory, projectSnapshot } from "@copgraph/analytics";
import { type CommunityEvent, type EventOf, parseEvent } from "@copgraph/domain";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { toGexf } from "../gexf.js";
import { toGraphml } from "../graphml.js";
import { type DatasetName, datasetCatalog, datasetInfo } from "./catalog.js";
import { attributeKey } from "./events.js";
import { importDataset } from "./import.js";
import { shippedDatasetFolder } from "./shipped.js";

const filesOf = (name: DatasetName): Record<string, string> => {
  const folder = shippedDatasetFolder(name);
  return Object.fromEntries(readdirSync(folder).map((file) => [file, readFileSync(new URL(file, folder), "utf8")]));
};
const options = { communityId: "demo", occurredAt: "2024-01-01T00:00:00Z" };

const members = (events: CommunityEvent[]) =>
  events.filter((event): event is EventOf<"MemberJoined"> => event.type === "MemberJoined");
const interactions = (events: CommunityEvent[], relation?: string) =>
  events.filter(
    (event): event is EventOf<"InteractionRecorded"> =>
      event.type === "InteractionRecorded" && (relation === undefined || event.data.topics?.[0] === relation),
  );
const member = (events: CommunityEvent[], id: string) =>
  members(events).find((event) => event.data.memberId === id)?.data;
const pairs = (events: EventOf<"InteractionRecorded">[]) =>
  new Set(events.map(({ data }) => [data.from, data.to[0]].sort().join("|"))).size;

/** Published sizes (shared/interchange/datasets/README.md): members and arcs (directed) or edges (undirected) per relation. */
const published: Record<DatasetName, { members: number; ties: Record<string, number> }> = {
  krackhardt: { members: 21, ties: { advice: 190, friendship: 102 } },
  lazega: { members: 71, ties: { advice: 892, friendship: 575, "co-work": 1104 } },
  karate: { members: 34, ties: { interaction: 78 } },
  florentine: { members: 16, ties: { marriage: 20, business: 15 } },
  mcfarland: { members: 22, ties: { social: 57 } },
};

describe.each(datasetCatalog.map((info) => info.name))("data set %s", (name) => {
  const events = importDataset(name, filesOf(name), options);
  const info = datasetInfo(name);

  it("has the published number of members and of ties per relation", () => {
    expect(members(events)).toHaveLength(published[name].members);
    expect(info.members).toBe(published[name].members);
    for (const relation of info.relations) {
      const expected = published[name].ties[relation.name];
      expect(relation.ties, relation.name).toBe(expected);
      const recorded = interactions(events, relation.name);
      if (relation.directed) expect(recorded, relation.name).toHaveLength(expected!);
      else expect(pairs(recorded), relation.name).toBe(expected);
      for (const event of recorded) expect(event.data.kind).toBe(relation.kind);
    }
    expect(interactions(events)).toHaveLength(
      info.relations.reduce((sum, r) => sum + (!r.directed && r.kind !== "collaboration" ? 2 : 1) * r.ties, 0),
    );
  });

  it("gives events that each pass parseEvent, registering the community first", () => {
    expect(events[0]).toMatchObject({ type: "CommunityRegistered", data: { communityId: "demo" } });
    for (const event of events) expect(parseEvent(event).ok).toBe(true);
    const ids = interactions(events).map((event) => event.data.interactionId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sets the data set's attributes on every member, sector other, joined at the given date", () => {
    for (const { data } of members(events)) {
      expect(data.sector).toBe("other");
      expect(data.occurredAt).toBe(options.occurredAt);
      expect(Object.keys(data.attributes ?? {}).sort()).toEqual([...info.attributes].sort());
    }
  });
});

describe("data set contents", () => {
  it("Krackhardt: attributes as text and LEVEL as occupational layer", () => {
    const events = importDataset("krackhardt", filesOf("krackhardt"), options);
    expect(member(events, "1")).toMatchObject({
      occupationalLayer: "professional",
      attributes: { AGE: "33", TENURE: "9.333", LEVEL: "3", DEPT: "4" },
    });
    const layers = members(events).map(({ data }) => data.occupationalLayer);
    expect(layers.filter((layer) => layer === "director")).toHaveLength(1);
  });

  it("Lazega: partitions by their codebook labels, vectors as text, status as layer", () => {
    const events = importDataset("lazega", filesOf("lazega"), options);
    expect(member(events, "1")).toMatchObject({
      displayName: "L1",
      occupationalLayer: "director",
      attributes: { status: "partner", gender: "man", office: "Boston", age: "64", seniority: "31" },
    });
    const offices = new Set(members(events).map(({ data }) => data.attributes?.office));
    expect(offices).toEqual(new Set(["Boston", "Hartford", "Providence"]));
    expect(member(events, "71")?.attributes?.status).toBe("associate");
  });

  it("karate: README.KARATE's factions (member 9 with the officers) and weights", () => {
    const events = importDataset("karate", filesOf("karate"), options);
    const factions = members(events).map(({ data }) => data.attributes?.faction);
    expect(factions.filter((f) => f === "Mr. Hi")).toHaveLength(16);
    expect(factions.filter((f) => f === "Officer")).toHaveLength(18);
    expect(member(events, "9")?.attributes?.faction).toBe("Officer");
    expect(interactions(events)[0]?.data).toMatchObject({ from: "1", to: ["2"], weight: 4, kind: "collaboration" });
  });

  it("Florentine: families by name, marriage both ways, and a kind chosen by the caller", () => {
    const events = importDataset("florentine", filesOf("florentine"), options);
    expect(member(events, "Medici")).toMatchObject({ attributes: { Wealth: "103", NumberPriorates: "53" } });
    expect(interactions(events, "marriage")).toHaveLength(40);
    expect(interactions(events, "business")).toHaveLength(15);
    const chosen = importDataset("florentine", filesOf("florentine"), {
      ...options,
      kinds: { marriage: "collaboration" },
    });
    expect(interactions(chosen, "marriage")).toHaveLength(20);
    expect(() =>
      importDataset("florentine", filesOf("florentine"), { ...options, kinds: { kinship: "advice" } }),
    ).toThrow(/no relation 'kinship'/);
  });

  it("McFarland: weight is the interaction rate", () => {
    const events = importDataset("mcfarland", filesOf("mcfarland"), options);
    const arc = interactions(events).find(({ data }) => data.from === "1" && data.to[0] === "5");
    expect(arc?.data.weight).toBe(5.625);
  });

  it("projects into the graph the data set describes", () => {
    const events = importDataset("krackhardt", filesOf("krackhardt"), options);
    const history = CommunityHistory.fromEvents(events.map((event, revision) => ({ event, recordedAt: 0, revision })));
    const at = Date.parse(options.occurredAt);
    const advice = projectSnapshot(history, { at, knownAt: at, layers: ["advice"] }).graph;
    expect(advice.order).toBe(21);
    expect(advice.size).toBe(190);
    const florentine = importDataset("florentine", filesOf("florentine"), options);
    const graph = projectSnapshot(
      CommunityHistory.fromEvents(florentine.map((event, revision) => ({ event, recordedAt: 0, revision }))),
      { at, knownAt: at, layers: ["collaboration"] },
    ).graph;
    expect(graph.size).toBe(30);
  });

  it("exports to GEXF and GraphML that parse back whole (Lazega: 71 members, three layers)", () => {
    const events = importDataset("lazega", filesOf("lazega"), options);
    const history = CommunityHistory.fromEvents(events.map((event, revision) => ({ event, recordedAt: 0, revision })));
    const at = Date.parse(options.occurredAt);
    const { graph } = projectSnapshot(history, { at, knownAt: at });
    for (const parsed of [
      parseGexf(Graph, toGexf(history, { at, knownAt: at })),
      parseGraphml(Graph, toGraphml(graph)),
    ]) {
      expect(parsed.order).toBe(71);
      expect(parsed.size).toBe(graph.size);
      expect(parsed.getNodeAttribute("1", "office")).toBe("Boston");
      const edge = parsed.edge("1", "2")!;
      expect(parsed.getEdgeAttribute(edge, "weight")).toBe(graph.getEdgeAttribute("1->2", "weight"));
    }
  });

  it("names a missing file and leaves registration to the caller when asked", () => {
    expect(() => importDataset("karate", { "zachary.txt": "1 2 1" }, options)).toThrow(/missing file 'README.KARATE'/);
    const events = importDataset("mcfarland", filesOf("mcfarland"), { ...options, register: false });
    expect(events[0]?.type).toBe("MemberJoined");
    expect(() => importDataset("mcfarland", filesOf("mcfarland"), { ...options, occurredAt: "2024-01-01" })).toThrow(
      /occurredAt/,
    );
  });
});

describe("attributeKey", () => {
  it("turns any name into a valid, non-reserved custom attribute key", () => {
    expect(attributeKey("AGE")).toBe("AGE");
    expect(attributeKey("law school")).toBe("law_school");
    expect(attributeKey("2nd-office")).toBe("a2nd_office");
    expect(attributeKey("sector")).toBe("sector_ds");
    expect(attributeKey("x".repeat(80))).toHaveLength(64);
  });
});
