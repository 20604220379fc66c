// The networkx reference values, read from oracles/networkx-oracles.json (checked in; regenerate
// with `python3 shared/analytics/oracles/networkx_oracles.py`).
import { readFileSync } from "node:fs";

type Values = Record<string, number | null>;

export interface AttributeOracle {
  assortativity: number;
  ei: number | null;
  ei_by_group: Values;
  ei_by_member: Values;
  ei_expected: number;
  cross_share: number;
  blau: number;
  iqv: number;
  shannon_evenness: number;
  ego_by_member: Values;
  ego_mean: number | null;
  modularity: number;
  coleman: Values;
  brokerage_by_member: Record<string, Record<string, number>>;
  brokerage_totals: Record<string, number>;
}

export interface GraphOracle {
  N: number;
  L: number;
  density: number;
  components: number;
  isolates: string[];
  betweenness: Values;
  constraint: Values;
  effective_size: Values;
  attributes: Record<string, AttributeOracle>;
}

export type OracleDataset = "krackhardt_advice" | "krackhardt_friendship" | "karate" | "florentine_marriage";

let cache: Record<OracleDataset, GraphOracle> | undefined;

export function oracle(dataset: OracleDataset): GraphOracle {
  cache ??= (
    JSON.parse(readFileSync(new URL("../../../oracles/networkx-oracles.json", import.meta.url), "utf8")) as {
      datasets: Record<OracleDataset, GraphOracle>;
    }
  ).datasets;
  return cache[dataset];
}
