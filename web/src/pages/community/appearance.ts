import type { GraphResponse } from "@copgraph/contract";
import { occupationalLayers, sectors } from "@copgraph/domain";
import { colourFor } from "../../core/palette.js";
import type { SizeMeasure } from "./view-state.js";

type GraphNode = GraphResponse["nodes"][number];

export const NO_VALUE = "(no value)";
export const NO_VALUE_COLOUR = colourFor("sector", undefined);
/** Dimmed nodes and ties: light enough to recede, dark enough to keep the shape of the network. */
export const DIMMED = "#dfe2e7";

export interface Category {
  readonly value: string;
  readonly colour: string;
  readonly members: number;
}

const catalogueOrder: Record<string, readonly string[]> = { sector: sectors, occupationalLayer: occupationalLayers };

/** The attributes a view can colour by: the catalogue ones, then every custom one in the nodes. */
export function colourAttributes(nodes: readonly GraphNode[]): string[] {
  // Not organisation: it is personal data kept outside the log, so no node carries it.
  const fixed = ["sector", "occupationalLayer", "learningEnvironment"];
  const custom = new Set<string>();
  for (const node of nodes) for (const key of Object.keys(node.attributes)) if (!fixed.includes(key)) custom.add(key);
  return [...fixed, ...[...custom].sort()];
}

/** Categories of an attribute among the nodes, with the palette's colours (the same on every page). */
export function categories(nodes: readonly GraphNode[], attribute: string): Category[] {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const node of nodes) {
    const value = node.attributes[attribute];
    if (value === undefined) missing++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const observed = [...counts.keys()];
  const order = catalogueOrder[attribute];
  const sorted = order
    ? observed.sort((a, b) => order.indexOf(a) - order.indexOf(b))
    : observed.sort((a, b) => a.localeCompare(b));
  const list = sorted.map((value) => ({
    value,
    colour: colourFor(attribute, value, observed),
    members: counts.get(value) ?? 0,
  }));
  if (missing > 0) list.push({ value: NO_VALUE, colour: NO_VALUE_COLOUR, members: missing });
  return list;
}

/** The indicator whose per-member values a size measure draws; the graph is read with them (degree: none). */
export function sizeIndicator(size: SizeMeasure): string | undefined {
  return size === "betweenness" ? "network.betweenness" : size === "brokerage" ? "silo.brokerage" : undefined;
}

/** A node's raw measure for the size scale. */
export function measure(node: GraphNode, size: SizeMeasure, degree: number): number {
  const indicator = sizeIndicator(size);
  if (indicator === undefined) return degree;
  const value = node.indicators?.[indicator];
  return typeof value === "number" ? value : 0;
}

/** Node radius in pixels: square root of the measure's share of its maximum, smaller in big graphs. */
export function nodeSize(value: number, max: number, order: number): number {
  const [min, top] = order > 500 ? [1.5, 7] : order > 100 ? [2.5, 10] : [3, 12];
  return max > 0 ? min + (top - min) * Math.sqrt(Math.max(0, value) / max) : min;
}

/** Tie thickness by weight (counts, or decayed sums with a half-life). */
export function tieSize(weight: number, max: number): number {
  return max > 0 ? 0.5 + 3 * Math.sqrt(weight / max) : 0.5;
}

export const sizeLabels: Record<SizeMeasure, string> = {
  degree: "number of ties",
  betweenness: "betweenness (bridging position)",
  brokerage: "brokerage (paths brokered)",
};
