// Test helper: the classic directed data sets as CommunityGraphs (read from the copy shipped in
// shared/interchange/datasets), and the networkx oracle values in oracles/reciprocity/.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DirectedGraph } from "graphology";
import type { CommunityGraph, MemberAttributes, TieAttributes } from "../../../projection/community-snapshot.js";
import type { TieLayer } from "../../../projection/query.js";
import { datasetsFolder } from "../../testing/datasets.js";

const oracleFile = fileURLToPath(new URL("../../../../oracles/reciprocity/reciprocity_oracle.json", import.meta.url));

/** A full dyad list `ego,alter,value` as a graph: every node; an arc of weight `value` where value > 0. */
export function readDyadList(relativePath: string, layer: TieLayer = "advice"): CommunityGraph {
  const lines = readFileSync(new URL(relativePath, datasetsFolder), "utf8").trim().split(/\r?\n/).slice(1);
  const graph = new DirectedGraph<MemberAttributes, TieAttributes>();
  for (const line of lines) {
    const [ego, alter, value] = line.split(",") as [string, string, string];
    for (const id of [ego, alter]) graph.mergeNode(id, { sector: "other", occupationalLayer: "other" });
    const weight = Number(value);
    if (weight > 0 && ego !== alter) graph.addDirectedEdge(ego, alter, { weight, layers: { [layer]: weight } });
  }
  return graph;
}

export const krackhardtAdvice = () => readDyadList("krackhardt_hightech/krackhardt_advice.csv");
export const krackhardtFriendship = () => readDyadList("krackhardt_hightech/krackhardt_friendship.csv");
export const mcfarland = () => readDyadList("mcfarland_s641/social_interactions_s641.csv");

export interface OracleValues {
  readonly N: number;
  readonly L: number;
  readonly density: number;
  readonly edge: number;
  readonly dyadic: number;
  readonly rho: number;
  readonly weighted: number;
  readonly memberMean: number;
  readonly member: Readonly<Record<string, number | null>>;
}

export function oracle(name: "krackhardt_advice" | "krackhardt_friendship" | "mcfarland_s641"): OracleValues {
  return JSON.parse(readFileSync(oracleFile, "utf8"))[name] as OracleValues;
}
