import type { GraphResponse } from "@copgraph/contract";
import Graph from "graphology";
import { seededSpot, seededUnit, startRadius } from "./seed.js";

export interface NodeData {
  x: number;
  y: number;
  label: string;
  attrs: Record<string, string>;
  /** The per-member values the graph was read with (those the size measure draws). */
  indicators: Record<string, number | null>;
}
export interface EdgeData {
  weight: number;
  layers: Record<string, number>;
}
export type MemberGraph = Graph<NodeData, EdgeData>;
export type Position = { x: number; y: number };

export const createGraph = (): MemberGraph =>
  new Graph<NodeData, EdgeData>({ type: "directed", allowSelfLoops: false });
export const tieKey = (source: string, target: string) => `${source}->${target}`;

/**
 * Puts a graph response into the graphology graph in place. Everyone keeps the position they had
 * (remembered across refreshes, even while absent), and newcomers start next to their neighbours,
 * so that moving through time grows the picture instead of redrawing it.
 * Returns the members that had no remembered position.
 */
export function applyGraph(graph: MemberGraph, response: GraphResponse, positions: Map<string, Position>): string[] {
  rememberPositions(graph, positions);
  const keep = new Set(response.nodes.map((node) => node.id));
  graph.clearEdges();
  for (const id of graph.nodes()) if (!keep.has(id)) graph.dropNode(id);

  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const tie of response.ties) {
    link(tie.source, tie.target);
    link(tie.target, tie.source);
  }

  const spread = extent(positions, keep);
  const placed = new Map<string, Position>();
  for (const id of keep) {
    const known = positions.get(id);
    if (known) placed.set(id, known);
  }
  const fresh = response.nodes.filter((node) => !placed.has(node.id)).map((node) => node.id);
  placeNearNeighbours(fresh, neighbours, placed, spread);

  for (const node of response.nodes) {
    const position = placed.get(node.id) as Position;
    const data = { attrs: node.attributes, indicators: node.indicators ?? {} };
    if (graph.hasNode(node.id)) graph.mergeNodeAttributes(node.id, data);
    else graph.addNode(node.id, { ...position, label: node.id, ...data });
  }
  for (const tie of response.ties) {
    if (!graph.hasNode(tie.source) || !graph.hasNode(tie.target)) continue;
    graph.addDirectedEdgeWithKey(tieKey(tie.source, tie.target), tie.source, tie.target, {
      weight: tie.weight,
      layers: tie.layers,
    });
  }
  return fresh;
}

export function rememberPositions(graph: MemberGraph, positions: Map<string, Position>): void {
  graph.forEachNode((id, data) => {
    positions.set(id, { x: data.x, y: data.y });
  });
}

/** Half the width of the area the known members occupy, to scale where newcomers go. */
function extent(positions: Map<string, Position>, ids: Set<string>): { cx: number; cy: number; radius: number } {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const id of ids) {
    const p = positions.get(id);
    if (!p) continue;
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (minX === Infinity) return { cx: 0, cy: 0, radius: startRadius(ids.size) };
  const radius = Math.max(maxX - minX, maxY - minY, 1) / 2;
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, radius };
}

/**
 * Newcomers go to the centre of their placed neighbours (a little jittered), in waves; loners go to
 * a spot of their own. Seeded by member id, so the same view always starts from the same picture.
 */
function placeNearNeighbours(
  fresh: string[],
  neighbours: Map<string, string[]>,
  placed: Map<string, Position>,
  spread: { cx: number; cy: number; radius: number },
): void {
  let waiting = fresh;
  const jitter = (id: string, axis: string) => (seededUnit(id, axis) - 0.5) * spread.radius * 0.08;
  while (waiting.length > 0) {
    const next: string[] = [];
    const wave: [string, Position][] = [];
    for (const id of waiting) {
      const around = (neighbours.get(id) ?? []).map((n) => placed.get(n)).filter((p): p is Position => !!p);
      if (around.length === 0) {
        next.push(id);
        continue;
      }
      const x = around.reduce((sum, p) => sum + p.x, 0) / around.length;
      const y = around.reduce((sum, p) => sum + p.y, 0) / around.length;
      wave.push([id, { x: x + jitter(id, "x"), y: y + jitter(id, "y") }]);
    }
    for (const [id, position] of wave) placed.set(id, position);
    if (wave.length === 0) {
      // Nobody placed yet around these: each to their own spot in the occupied disc.
      for (const id of next) placed.set(id, seededSpot(id, { x: spread.cx, y: spread.cy }, spread.radius));
      return;
    }
    waiting = next;
  }
}
