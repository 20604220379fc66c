// The events of one simulated community as they are made (out of time order: a return interaction
// or a retraction is made together with its record), sorted once at the end.
import type { CommunityEvent } from "@copgraph/domain";

/**
 * Order of events at the same instant: a member joins before anything names them, a record exists
 * before its retraction, and a member leaves last (a record at the leaving instant would be refused
 * anyway, since a member is active only before `leftAt`).
 */
export const Phase = { register: 0, join: 1, change: 2, record: 3, retract: 4, leave: 5 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** What the simulation knows about an interaction beyond its event, for the planted truth. */
export interface InteractionMeta {
  /** The interaction this one returns, or null for one a member started. */
  readonly returnOf: string | null;
  /** Chance that the partner shares the sender's sector under the plant (see expectations.ts). */
  readonly pInternal: number;
  /** The same chance under random mixing (h = 0). */
  readonly pInternalRandom: number;
  /** Chance that the draw picks a given partner in the sender's sector, and outside it (arc-expectation.ts). */
  readonly aIn: number;
  readonly aOut: number;
}

export interface LoggedEvent {
  readonly at: number;
  readonly phase: Phase;
  readonly seq: number;
  readonly event: CommunityEvent;
  readonly meta?: InteractionMeta;
}

export class EventLog {
  readonly #events: LoggedEvent[] = [];

  get size(): number {
    return this.#events.length;
  }

  push(at: number, phase: Phase, event: CommunityEvent, meta?: InteractionMeta): void {
    const seq = this.#events.length;
    this.#events.push(meta === undefined ? { at, phase, seq, event } : { at, phase, seq, event, meta });
  }

  /** By valid time, then phase, then making order: an order the decider accepts. */
  sorted(): LoggedEvent[] {
    return this.#events.sort((a, b) => a.at - b.at || a.phase - b.phase || a.seq - b.seq);
  }
}
