import type {
  GatheringFormat,
  InteractionKind,
  LearningEnvironment,
  OccupationalLayer,
  ParticipantRole,
  Sector,
} from "@copgraph/domain";
import type { DirectedGraph } from "graphology";
import type { GraphQuery, TieLayer } from "./query.js";

/** A member node: the catalogue attributes and custom attributes valid at the query's `at`. */
export interface MemberAttributes {
  sector: Sector;
  occupationalLayer: OccupationalLayer;
  learningEnvironment?: LearningEnvironment;
  organisation?: string;
  /** Custom categorical attributes (office, gender, …), flat beside the catalogue ones. */
  [attribute: string]: string | undefined;
}

/** A directed tie, aggregated over the selected layers. */
export interface TieAttributes {
  /** Sum over layers of the count (or decayed sum) of occurrences. */
  weight: number;
  /** The same, per layer. */
  layers: Partial<Record<TieLayer, number>>;
}

export type CommunityGraph = DirectedGraph<MemberAttributes, TieAttributes>;

/** One non-retracted interaction inside the query's window, as known at `knownAt`. */
export interface InteractionFact {
  readonly id: string;
  readonly kind: InteractionKind;
  readonly from: string;
  readonly to: readonly string[];
  /** Valid time, ms. */
  readonly occurredAt: number;
  readonly weight: number;
  readonly format?: GatheringFormat;
}

/** One non-retracted gathering inside the query's window, as known at `knownAt`. */
export interface GatheringFact {
  readonly id: string;
  readonly format: GatheringFormat;
  readonly occurredAt: number;
  readonly participants: readonly { readonly memberId: string; readonly role: ParticipantRole }[];
}

/** Everything indicators read: the graph and the dated facts behind it, in time order. */
export interface CommunitySnapshot {
  readonly query: GraphQuery;
  readonly graph: CommunityGraph;
  /** Interactions sorted by (occurredAt, recording order). */
  readonly interactions: readonly InteractionFact[];
  /** Gatherings sorted by (occurredAt, recording order). */
  readonly gatherings: readonly GatheringFact[];
  /** When each member joined (valid time, ms), for members in the graph. */
  readonly joinedAt: ReadonlyMap<string, number>;
}
