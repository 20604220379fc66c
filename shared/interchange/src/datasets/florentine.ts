// Padgett (1994) Florentine families: JSON nodes (Family, Wealth, NumberPriorates) and links
// typed marriage or business, each undirected tie listed in both directions.
import type { DatasetNetwork, DatasetRelation, DatasetTie } from "./network.js";
import { requireFile } from "./network.js";

export const florentineFiles = { graph: "florentine-family.json" } as const;

interface FlorentineJson {
  nodes: { Family: string; [attribute: string]: string }[];
  links: { type: string; source: number; target: number }[];
}

export function readFlorentine(files: Readonly<Record<string, string>>): DatasetNetwork {
  const json = JSON.parse(requireFile(files, florentineFiles.graph)) as FlorentineJson;
  if (!Array.isArray(json.nodes) || !Array.isArray(json.links)) {
    throw new Error(`${florentineFiles.graph}: expected { nodes, links }`);
  }
  const members = json.nodes.map(({ Family, ...attributes }) => ({
    id: Family,
    name: Family,
    attributes: Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, String(value)])),
  }));
  const byType = new Map<string, Map<string, DatasetTie>>();
  for (const { type, source, target } of json.links) {
    const a = json.nodes[source]?.Family;
    const b = json.nodes[target]?.Family;
    if (a === undefined || b === undefined) throw new Error(`${florentineFiles.graph}: link to a missing node`);
    // One edge per unordered pair: the file lists each in both directions.
    const [from, to] = source < target ? [a, b] : [b, a];
    const edges = byType.get(type) ?? new Map<string, DatasetTie>();
    edges.set(`${from}\u0000${to}`, { from, to });
    byType.set(type, edges);
  }
  const relations: DatasetRelation[] = [...byType].map(([name, edges]) => ({
    name,
    directed: false,
    ties: [...edges.values()],
  }));
  return { members, relations };
}
