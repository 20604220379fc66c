import type { IndicatorValue } from "@copgraph/contract";
import { formatValue, h } from "../../core/dom.js";

export interface Cluster {
  readonly members: string[];
  readonly dominant: string | null;
  readonly share: number | null;
  readonly leaving: number | null;
  readonly silo: boolean;
}

/** The clusters of `silo.clusters` details (an empty list when the indicator has none). */
export function clustersOf(value: IndicatorValue | undefined): Cluster[] {
  const details = value?.details as { clusters?: Cluster[] } | null | undefined;
  return Array.isArray(details?.clusters) ? details.clusters : [];
}

/** The clusters flagged as silos. */
export function siloClusters(value: IndicatorValue | undefined): Cluster[] {
  return clustersOf(value).filter((cluster) => cluster.silo);
}

/** The silo clusters in words: their size, how much one category dominates, how much they reach out. */
export function clusterList(value: IndicatorValue | undefined, colour: (category: string) => string): HTMLElement {
  const silos = siloClusters(value);
  if (silos.length === 0) return h("p", { class: "cg-muted" }, "No silo cluster in this view.");
  return h(
    "ul",
    { class: "cg-clusters" },
    ...silos.map((cluster) =>
      h(
        "li",
        {},
        h("span", {
          class: "cg-swatch cg-swatch-dot",
          style: `background:${colour(cluster.dominant ?? "")}`,
          "aria-hidden": "true",
        }),
        `${cluster.members.length} members, ${Math.round((cluster.share ?? 0) * 100)}% ${cluster.dominant ?? "—"}`,
        cluster.leaving === null
          ? ""
          : `; ${Math.round(cluster.leaving * 100)}% of its ties reach outside it (${formatValue(cluster.leaving)})`,
      ),
    ),
  );
}
