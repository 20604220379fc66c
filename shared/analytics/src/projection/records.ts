import type { GatheringFormat, InteractionKind, ParticipantRole } from "@copgraph/domain";
import type { Dated } from "./sorted-facts.js";

/** An interaction as the history keeps it: the fields ties need, both clocks, no free text. */
export interface InteractionRecord extends Dated {
  readonly id: string;
  readonly kind: InteractionKind;
  readonly from: string;
  readonly to: readonly string[];
  /** The event's weight; absent means 1. */
  readonly weight: number;
  /** Always present (undefined when the event has none), so every record has one shape. */
  readonly format: GatheringFormat | undefined;
}

/** A gathering as the history keeps it: no title, place or notes. */
export interface GatheringRecord extends Dated {
  readonly id: string;
  readonly format: GatheringFormat;
  readonly participants: readonly { readonly memberId: string; readonly role: ParticipantRole }[];
}
