// Shared reading of a community graph for the network, silo and diversity indicators.
//
// Conventions every indicator here follows:
// - A tie is an arc of the directed graph, counted once, unweighted, unless an indicator says
//   otherwise. Self-loops are not social ties and are ignored everywhere (the projection should
//   not produce them).
// - A member's group for attribute `a` is `graph.getNodeAttribute(node, a)`. Members without a
//   value (undefined, null or "") are left out of that attribute's group computations: they are
//   not counted in N or n_g, and arcs with such a member at either end are not counted.
import { catalogues } from "@copgraph/domain";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Value } from "../indicator.js";

/** The member's group for `attribute`, or null when it has no value. */
export function groupOf(graph: CommunityGraph, node: string, attribute: string): string | null {
  const value: unknown = graph.getNodeAttribute(node, attribute);
  if (value === undefined || value === null || value === "") return null;
  return String(value);
}

/** Members with a value for `attribute`, mapped to it. */
export function groupsOf(graph: CommunityGraph, attribute: string): Map<string, string> {
  const groups = new Map<string, string>();
  graph.forEachNode((node) => {
    const group = groupOf(graph, node, attribute);
    if (group !== null) groups.set(node, group);
  });
  return groups;
}

/** Group sizes n_g over members with a value. */
export function groupSizes(groups: ReadonlyMap<string, string>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const group of groups.values()) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  return sizes;
}

/** Every arc except self-loops, as [source, target]. */
export function arcsOf(graph: CommunityGraph): [string, string][] {
  const arcs: [string, string][] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target) arcs.push([source, target]);
  });
  return arcs;
}

/** Number of arcs, self-loops excluded. */
export function tieCount(graph: CommunityGraph): number {
  let count = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target) count++;
  });
  return count;
}

/** Neighbours of a member: predecessors ∪ successors, the member itself excluded. */
export function neighboursOf(graph: CommunityGraph, node: string): Set<string> {
  const neighbours = new Set<string>();
  graph.forEachNeighbor(node, (neighbour) => {
    if (neighbour !== node) neighbours.add(neighbour);
  });
  return neighbours;
}

const fixedCatalogues: Readonly<Record<string, readonly string[]>> = {
  sector: catalogues.sector,
  occupationalLayer: catalogues.occupationalLayer,
  learningEnvironment: catalogues.learningEnvironment,
};

/**
 * K, the number of categories of an attribute: the size of its fixed catalogue for sector,
 * occupationalLayer and learningEnvironment (so values compare across communities and windows);
 * otherwise (organisation, custom attributes) the number of categories observed.
 */
export function categoryCount(attribute: string, observed: number): { k: number; source: "catalogue" | "observed" } {
  const catalogue = fixedCatalogues[attribute];
  return catalogue ? { k: catalogue.length, source: "catalogue" } : { k: observed, source: "observed" };
}

/** Mean of the defined values, null when there are none. */
export function meanOf(values: Iterable<Value>): Value {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count++;
  }
  return count === 0 ? null : sum / count;
}

/** Record from a map, keys in insertion order. */
export function recordOf<V>(map: ReadonlyMap<string, V>): Record<string, V> {
  return Object.fromEntries(map);
}
