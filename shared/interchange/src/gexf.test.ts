import { type CommunityGraph, CommunityHistory, type GraphQuery, projectSnapshot } from "@copgraph/analytics";
import type { CommunityEvent } from "@copgraph/domain";
import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { toGexf } from "./gexf.js";
import { day, iso, loggedEvents, sampleCommunity, storedEvents } from "./testing/log.js";

const historyOf = (events: CommunityEvent[]) => CommunityHistory.fromEvents(storedEvents(loggedEvents(events)));
const history = historyOf(sampleCommunity());
const now: GraphQuery = { at: day(20), knownAt: day(20) };

/** What a static reader sees: the projection's nodes with their attributes, ties with weights. */
function expectSameStaticGraph(parsed: Graph, graph: CommunityGraph) {
  expect(parsed.nodes().sort()).toEqual(graph.nodes().sort());
  graph.forEachNode((node, attributes) => {
    const { label, ...rest } = parsed.getNodeAttributes(node);
    expect(label).toBe(node);
    expect(rest).toEqual(JSON.parse(JSON.stringify(attributes)));
  });
  expect(parsed.size).toBe(graph.size);
  graph.forEachEdge((_edge, attributes, source, target) => {
    const edge = parsed.edge(source, target);
    expect(edge, `${source}->${target}`).toBeDefined();
    expect(parsed.getEdgeAttributes(edge)).toEqual({ weight: attributes.weight, ...attributes.layers });
  });
}

describe("toGexf", () => {
  it("parses back with graphology-gexf to the projection's nodes, attributes, ties and weights", () => {
    const text = toGexf(history, now);
    expect(text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(text).toContain('version="1.3"');
    expect(text).toContain('mode="dynamic"');
    expect(text).toContain('timeformat="dateTime"');
    const parsed = parse(Graph, text);
    expect(parsed.type).toBe("directed");
    expectSameStaticGraph(parsed, projectSnapshot(history, now).graph);
  });

  it("holds the same graph for past dates and earlier knowledge, and for a layer selection", () => {
    for (const query of [
      { at: day(7), knownAt: day(20) },
      { at: day(20), knownAt: day(6) },
      { at: day(20), knownAt: day(20), layers: ["advice", "led"] as const },
      { at: day(20), knownAt: day(20), halfLife: 5 * 86_400_000 },
    ]) {
      expectSameStaticGraph(parse(Graph, toGexf(history, query)), projectSnapshot(history, query).graph);
    }
  });

  it("gives members a spell from joining to leaving and attributes a spell per value", () => {
    const text = toGexf(history, now);
    const node = (id: string) =>
      text.slice(text.indexOf(`<node id="${id}"`), text.indexOf("</node>", text.indexOf(`<node id="${id}"`)));
    const minus1ms = (n: number) => new Date(day(n) - 1).toISOString();
    expect(node("dee.dee")).toContain(`<spell start="${iso(3)}" end="${minus1ms(11)}"/>`);
    expect(node("ada.lovelace")).toContain(`<spell start="${iso(0)}"/>`);
    // Bob moved from education to research on day 12, and from region south to east.
    expect(node("bob.marley")).toContain(
      `<attvalue for="sector" value="health" start="${iso(1)}" end="${minus1ms(12)}"/>`,
    );
    expect(node("bob.marley")).toContain(`<attvalue for="sector" value="research" start="${iso(12)}"/>`);
    expect(node("bob.marley")).toContain(`<attvalue for="region" value="east" start="${iso(12)}"/>`);
    // A value held all along has a spell from joining.
    expect(node("ada.lovelace")).toContain(`<attvalue for="sector" value="education" start="${iso(0)}"/>`);
  });

  it("gives ties a spell per occurrence, leaving out retracted records", () => {
    const text = toGexf(history, now);
    const edge = (id: string) =>
      text.slice(text.indexOf(`<edge id="${id}"`), text.indexOf("</edge>", text.indexOf(`<edge id="${id}"`)));
    // Ada advised Bob on day 5 and led him in the workshop of day 8.
    const adaBob = edge("ada.lovelace-&gt;bob.marley");
    expect(adaBob).toContain(`<spell start="${iso(5)}" end="${iso(5)}"/>`);
    expect(adaBob).toContain(`<spell start="${iso(8)}" end="${iso(8)}"/>`);
    expect(text).not.toContain('source="cyd.charisse" target="ada.lovelace"');
    // Known before the retraction, the feedback tie is there.
    const before = toGexf(history, { at: day(20), knownAt: day(8) });
    expect(before).toContain('source="cyd.charisse" target="ada.lovelace"');
  });

  it("escapes markup, quotes and line breaks in ids and values", () => {
    const awkward = "a \"b\" & <c>\n'd'";
    const events: CommunityEvent[] = [
      ...["x<1>", "y&2"].map(
        (memberId): CommunityEvent => ({
          type: "MemberJoined",
          data: {
            memberId: memberId === "x<1>" ? "x.1" : "y:2",
            displayName: memberId,
            sector: "other",
            occupationalLayer: "other",
            organisation: awkward,
            attributes: { note: awkward },
            occurredAt: iso(0),
          },
        }),
      ),
      {
        type: "InteractionRecorded",
        data: { interactionId: "i", kind: "advice", from: "x.1", to: ["y:2"], occurredAt: iso(1) },
      },
    ];
    const small = historyOf(events);
    const parsed = parse(Graph, toGexf(small, now, { description: "<Report> & co" }));
    expect(parsed.getNodeAttribute("x.1", "note")).toBe(awkward);
    expect(parsed.getNodeAttribute("y:2", "organisation")).toBe(awkward);
    expect(parsed.getAttribute("description")).toBe("<Report> & co");
    expectSameStaticGraph(parsed, projectSnapshot(small, now).graph);
  });
});
