import type { TieLayer } from "@copgraph/domain";

export { type TieLayer, tieLayers } from "@copgraph/domain";

/**
 * What a graph is projected for. Bitemporal: `at` is valid time (what had happened by then),
 * `knownAt` transaction time (what copgraph had been told by then).
 */
export interface GraphQuery {
  /** Valid time, ms since epoch. */
  readonly at: number;
  /** Transaction time, ms since epoch. */
  readonly knownAt: number;
  /** Count only interactions and gatherings at or after this valid time (ms); none: since the start. */
  readonly from?: number;
  /** Weight each occurrence by exp(−ln2·(at − t)/halfLife) instead of counting it (ms). */
  readonly halfLife?: number;
  /** Layers included; none: all. */
  readonly layers?: readonly TieLayer[];
  /** Ties lighter than this are left out (after weighting). Default 0: every tie. */
  readonly minWeight?: number;
}
