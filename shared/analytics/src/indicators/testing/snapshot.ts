// Builds a CommunitySnapshot straight from members and arcs, so an indicator test states only
// its graph. Not the projection: no events, no time window.
import type { GatheringFormat } from "@copgraph/domain";
import { DirectedGraph } from "graphology";
import type {
  CommunityGraph,
  CommunitySnapshot,
  GatheringFact,
  MemberAttributes,
  TieAttributes,
} from "../../projection/community-snapshot.js";
import { defaultIndicatorOptions, type IndicatorOptions } from "../indicator.js";

/** A member's attributes; test data may leave out sector and layer (they are then absent). */
export type TestMember = Partial<Record<string, string>>;

export interface TestGraph {
  /** Members by id, with their attributes. */
  readonly members: Readonly<Record<string, TestMember>>;
  /** Arcs [source, target] or [source, target, weight]. */
  readonly arcs?: readonly (readonly [string, string] | readonly [string, string, number])[];
  /** Arcs added in both directions, for undirected data. */
  readonly edges?: readonly (readonly [string, string])[];
  /** Gathering formats, one gathering each. */
  readonly gatherings?: readonly GatheringFormat[];
}

export function graphOf(test: TestGraph): CommunityGraph {
  const graph: CommunityGraph = new DirectedGraph<MemberAttributes, TieAttributes>();
  for (const [id, attributes] of Object.entries(test.members)) {
    // Fixtures carry only the attributes a test is about: real members always have sector and layer.
    graph.addNode(id, { ...attributes } as MemberAttributes);
  }
  const addArc = (source: string, target: string, weight: number) => {
    if (!graph.hasNode(source) || !graph.hasNode(target)) throw new Error(`unknown member in ${source}→${target}`);
    graph.mergeDirectedEdge(source, target, { weight, layers: {} });
  };
  for (const [source, target, weight] of test.arcs ?? []) addArc(source, target, weight ?? 1);
  for (const [a, b] of test.edges ?? []) {
    addArc(a, b, 1);
    addArc(b, a, 1);
  }
  return graph;
}

export function snapshotOf(test: TestGraph | CommunityGraph): CommunitySnapshot {
  const graph = "members" in test ? graphOf(test) : test;
  const gatherings: GatheringFact[] =
    "members" in test
      ? (test.gatherings ?? []).map((format, i) => ({ id: `g${i}`, format, occurredAt: i, participants: [] }))
      : [];
  return {
    query: { at: 0, knownAt: 0 },
    graph,
    interactions: [],
    gatherings,
    joinedAt: new Map(graph.nodes().map((node) => [node, 0])),
  };
}

export function optionsFor(attribute: string, overrides: Partial<IndicatorOptions> = {}): IndicatorOptions {
  return { ...defaultIndicatorOptions, attribute, ...overrides };
}
