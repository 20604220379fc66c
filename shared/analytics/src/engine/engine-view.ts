import type { CommunityHistory } from "../projection/community-history.js";
import type { CommunitySnapshot } from "../projection/community-snapshot.js";
import type { GraphQuery } from "../projection/query.js";
import { communitySnapshotOf } from "./community-snapshot-of.js";
import type { CompactSnapshot } from "./compact-snapshot.js";
import { projectCompact } from "./project-compact.js";

/** Estimates, measured with heap snapshots of a 2,000-member community: id, attributes, join. */
const BYTES_PER_MEMBER = 400;
const BYTES_PER_GRAPH_ELEMENT = 300;

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

  /**
   * About how much memory the view holds: its typed arrays, members, and once built the graph
   * of objects (graphology keeps a few hundred bytes per tie and per member).
   */
  get bytes(): number {
    const { compact } = this;
    let bytes = 0;
    for (const array of [compact.source, compact.target, compact.weight, compact.reverse]) bytes += array.byteLength;
    bytes += compact.layerStart.byteLength + compact.layerWeights.byteLength + compact.layerOrder.byteLength;
    bytes += compact.ids.length * BYTES_PER_MEMBER;
    if (this.#snapshot) bytes += (compact.source.length + compact.ids.length) * BYTES_PER_GRAPH_ELEMENT;
    return bytes;
  }

  get snapshot(): CommunitySnapshot {
    this.#snapshot ??= communitySnapshotOf(this.compact);
    return this.#snapshot;
  }
}
