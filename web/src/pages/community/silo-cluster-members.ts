import { type IndicatorValue, MAX_MEMBER_PAGE_SIZE } from "@copgraph/contract";
import type { QueryParams } from "../../core/api.js";
import { reads } from "./requests.js";

type Clusters = { clusters?: { members?: string[] }[] } | null | undefined;

/**
 * `silo.clusters` with the members of every cluster, for the rings and the cluster list. The API
 * gives members only with details=members, a page at a time: the pages are read together and each
 * cluster's members put back together (every page lists every cluster, with its members on that page).
 */
export async function siloClustersWithMembers(
  communityId: string,
  query: QueryParams,
  signal: AbortSignal,
): Promise<IndicatorValue | undefined> {
  const page = (number: number) =>
    reads.indicators(
      communityId,
      { ...query, indicators: "silo.clusters", details: "members", page: number, pageSize: MAX_MEMBER_PAGE_SIZE },
      signal,
    );
  const first = await page(1);
  const pages = first.memberDetails?.included ? first.memberDetails.pages : 1;
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, index) => page(index + 2)));
  const value = first.indicators["silo.clusters"];
  const details = value?.details as Clusters;
  if (!value || !details?.clusters || rest.length === 0) return value;
  const clusters = details.clusters.map((cluster, index) => ({
    ...cluster,
    members: [
      ...(cluster.members ?? []),
      ...rest.flatMap(
        (answer) => (answer.indicators["silo.clusters"]?.details as Clusters)?.clusters?.[index]?.members ?? [],
      ),
    ],
  }));
  return { ...value, details: { ...details, clusters } };
}
