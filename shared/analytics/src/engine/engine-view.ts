import type { CommunityHistory } from "../projection/community-history.js";
import type { CommunitySnapshot } from "../projection/community-snapshot.js";
import type { GraphQuery } from "../projection/query.js";
import { communitySnapshotOf } from "./community-snapshot-of.js";
import type { CompactSnapshot } from "./compact-snapshot.js";
import { projectCompact } from "./project-compact.js";

/**
 * The community as of one query, as the engine holds it: the compact snapshot, and the graph of
 * objects built from it only when an indicator without a compact form (or a graph export) asks.
 */
export class EngineView {
  #snapshot?: CommunitySnapshot;

  constructor(readonly compact: CompactSnapshot) {}

  static of(history: CommunityHistory, query: GraphQuery): EngineView {
    return new EngineView(projectCompact(history, query));
  }

  get query(): GraphQuery {
    return this.compact.query;
  }

  get snapshot(): CommunitySnapshot {
    this.#snapshot ??= communitySnapshotOf(this.compact);
    return this.#snapshot;
  }
}
