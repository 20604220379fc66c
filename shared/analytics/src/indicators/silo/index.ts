// Silo / homophily indicators: do ties stay inside groups, compared with random mixing?
import type { Indicator, IndicatorFamily } from "../indicator.js";
import { assortativityIndicator } from "./assortativity.js";
import { brokerageIndicator } from "./brokerage.js";
import { siloClustersIndicator } from "./clusters.js";
import { colemanIndicator } from "./coleman.js";
import { constraintIndicator } from "./constraint.js";
import { crossShareIndicator } from "./cross-share.js";
import { effectiveSizeIndicator } from "./effective-size.js";
import { eiIndicator } from "./ei.js";
import { eiExpectedIndicator } from "./ei-expected.js";
import { eiPIndicator } from "./ei-p.js";
import { eiZIndicator } from "./ei-z.js";
import { attributeModularityIndicator } from "./modularity.js";

export { assortativityOf, assortativityResult, type MixingMatrix, mixingMatrix } from "./assortativity.js";
export { type BrokerageCounts, type BrokerageRole, brokerage, brokerageResult, brokerageRoles } from "./brokerage.js";
export { constraint, effectiveSize } from "./burt.js";
export { type Cluster, type ClusterOptions, siloClustersResult } from "./clusters.js";
export { coleman, colemanResult } from "./coleman.js";
export { constraintResult } from "./constraint.js";
export { crossShareResult } from "./cross-share.js";
export { effectiveSizeResult } from "./effective-size.js";
export { eiResult } from "./ei.js";
export { eiCounts, eiOf } from "./ei-counts.js";
export { expectedEiResult } from "./ei-expected.js";
export { eiPResult } from "./ei-p.js";
export { type EiPermutationTest, eiPermutationTest } from "./ei-permutation.js";
export { eiZResult } from "./ei-z.js";
export { attributeModularityResult } from "./modularity.js";

export const siloIndicators: readonly Indicator[] = [
  eiIndicator,
  eiExpectedIndicator,
  eiPIndicator,
  eiZIndicator,
  crossShareIndicator,
  assortativityIndicator,
  colemanIndicator,
  attributeModularityIndicator,
  siloClustersIndicator,
  brokerageIndicator,
  constraintIndicator,
  effectiveSizeIndicator,
];

export const siloFamily: IndicatorFamily = {
  id: "silo",
  title: "Silo",
  about:
    "Do ties stay inside groups (sectors by default), compared with random mixing? Arcs counted once, unweighted; members without a value and their arcs left out. E = ties between groups, I = ties within, N and n_g count members with a value, and\n\n`π_in = Σ_g n_g (n_g − 1) / (N (N − 1))` — the chance that a tie falls inside a group when groups are random.",
  indicators: siloIndicators,
};
