// Supporting network measures: size, density, connectivity, centrality, communities.
import type { Indicator, IndicatorFamily } from "../indicator.js";
import { betweennessIndicator } from "./betweenness.js";
import { componentsIndicator } from "./components.js";
import { densityIndicator } from "./density.js";
import { isolatesIndicator } from "./isolates.js";
import { louvainIndicator } from "./louvain.js";
import { membersIndicator } from "./members.js";
import { tiesIndicator } from "./ties.js";

export { betweenness, betweennessResult } from "./betweenness.js";
export { weakComponents } from "./components.js";
export { density } from "./density.js";
export { isolates } from "./isolates.js";
export { type LouvainPartition, louvainPartition, louvainResult } from "./louvain.js";
export { memberCount } from "./members.js";
export { tieCount } from "./ties.js";

export const networkIndicators: readonly Indicator[] = [
  membersIndicator,
  tiesIndicator,
  densityIndicator,
  componentsIndicator,
  isolatesIndicator,
  betweennessIndicator,
  louvainIndicator,
];

export const networkFamily: IndicatorFamily = {
  id: "network",
  title: "Network",
  about:
    "The network behind the other readings. Directed graph, unweighted, self-loops ignored (the projection never makes them). N members, L ties (arcs).",
  indicators: networkIndicators,
};
