import { groupArcsOf, groupSizesOf } from "../../compact/group-arcs.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { meanOf } from "../support/graph.js";

export interface ColemanGroup {
  readonly sent: number;
  readonly within: number;
  readonly expected: Value;
  readonly index: Value;
}

export function coleman(graph: CommunityGraph, attribute: string): Record<string, ColemanGroup> {
  const groupArcs = groupArcsOf(graph, attribute);
  const { labels, fromGroups, toGroups } = groupArcs;
  const sizes = groupSizesOf(groupArcs);
  const sent = new Int32Array(labels.length);
  const within = new Int32Array(labels.length);
  for (let k = 0; k < fromGroups.length; k++) {
    sent[fromGroups[k]!]!++;
    if (fromGroups[k] === toGroups[k]) within[fromGroups[k]!]!++;
  }
  let n = 0;
  for (const size of sizes) n += size;
  const result: Record<string, ColemanGroup> = {};
  for (let code = 0; code < labels.length; code++) {
    const group = labels[code]!;
    const size = sizes[code]!;
    const d = sent[code]!;
    const w = within[code]!;
    if (n < 2) {
      result[group] = { sent: d, within: w, expected: null, index: null };
      continue;
    }
    const e = (d * (size - 1)) / (n - 1);
    let index: Value;
    if (w > e) index = (w - e) / (d - e);
    else index = e === 0 ? null : (w - e) / e;
    result[group] = { sent: d, within: w, expected: e, index };
  }
  return result;
}

export function colemanResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const groups = coleman(graph, attribute);
  const byGroup = Object.fromEntries(Object.entries(groups).map(([group, g]) => [group, g.index]));
  return { value: meanOf(Object.values(byGroup)), byGroup, details: groups };
}

export const colemanIndicator: Indicator = {
  id: "silo.coleman",
  version: 1,
  title: "Coleman homophily (mean over groups)",
  unit: "index",
  options: ["attribute"],
  formula:
    "D_g ties sent by g, W_g of them to g, `E_g = D_g (n_g − 1)/(N − 1)`; `H_g = (W_g − E_g)/(D_g − E_g)` if W_g > E_g, else `(W_g − E_g)/E_g`. In [−1, 1].",
  source: "Coleman (1958); as R netseg `coleman` (directed).",
  baseline: "built in: 0 = as random choice (E_g).",
  returns:
    "`byGroup`: H_g, null when 0/0 (g sends no tie, or has one member) or N < 2; `value`: unweighted mean of the defined H_g; `details[g]`: `sent`, `within`, `expected`, `index`.",
  reading:
    '"health 0.6, business −0.2: members from health choose each other far more than chance would; business members tie inside their sector a little less than chance."',
  compute: (snapshot, options) => colemanResult(snapshot.graph, options.attribute),
};
