import type { CommunityHistory } from "@copgraph/analytics";
import type { AppliedEvent } from "./worker-protocol.js";

interface ReplicatedCommunity {
  readonly history: CommunityHistory;
  revision: number;
}

/**
 * An analytics thread's copy of the read model, community by community: each starts from the
 * read model's history of it (a seed) and follows the same stored events in the same order.
 * Events of a community not seeded here are not kept; a revision already held is skipped (the
 * events of the turn a seed was taken in may arrive after it).
 */
export class ReadModelReplica {
  private readonly communities = new Map<string, ReplicatedCommunity>();

  seed(communityId: string, revision: number, history: CommunityHistory): void {
    this.communities.set(communityId, { history, revision });
  }

  /** Lets the community go; its history, if it was held. */
  drop(communityId: string): CommunityHistory | undefined {
    const history = this.communities.get(communityId)?.history;
    this.communities.delete(communityId);
    return history;
  }

  apply(events: readonly AppliedEvent[]): void {
    for (const { communityId, stored } of events) {
      const community = this.communities.get(communityId);
      if (!community || stored.revision <= community.revision) continue;
      community.history.apply(stored);
      community.revision = stored.revision;
    }
  }

  /** The community's history once it holds `revision`; undefined while it does not. */
  history(communityId: string, revision: number): CommunityHistory | undefined {
    const community = this.communities.get(communityId);
    return community && community.revision >= revision ? community.history : undefined;
  }
}
