import { CommunityHistory, projectSnapshot } from "@copgraph/analytics";
import Graph from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { toGraphml } from "./graphml.js";
import { day, loggedEvents, sampleCommunity, storedEvents } from "./testing/log.js";

const history = CommunityHistory.fromEvents(storedEvents(loggedEvents(sampleCommunity())));

describe("toGraphml", () => {
  it("parses back with graphology-graphml to the same nodes, attributes, ties, weights and layer weights", () => {
    const query = { at: day(20), knownAt: day(20), halfLife: 7 * 86_400_000 };
    const { graph } = projectSnapshot(history, query);
    const text = toGraphml(graph, {
      id: "healthy",
      attributes: { at: new Date(query.at).toISOString(), revision: 14 },
    });
    const parsed = parse(Graph, text);
    expect(parsed.type).toBe("directed");
    expect(parsed.getAttributes()).toEqual({ id: "healthy", at: new Date(query.at).toISOString(), revision: 14 });
    expect(parsed.nodes().sort()).toEqual(graph.nodes().sort());
    graph.forEachNode((node, attributes) => {
      expect(parsed.getNodeAttributes(node)).toEqual(JSON.parse(JSON.stringify(attributes)));
    });
    expect(parsed.size).toBe(graph.size);
    graph.forEachEdge((_edge, attributes, source, target) => {
      expect(parsed.getEdgeAttributes(parsed.edge(source, target))).toEqual({
        weight: attributes.weight,
        ...attributes.layers,
      });
    });
    // The organisation "Babbage & Co <R&D>" went through escaping.
    expect(parsed.getNodeAttribute("ada.lovelace", "organisation")).toBe("Babbage & Co <R&D>");
  });

  it("writes an empty graph", () => {
    const { graph } = projectSnapshot(history, { at: day(-1), knownAt: day(20) });
    expect(parse(Graph, toGraphml(graph)).order).toBe(0);
  });
});
