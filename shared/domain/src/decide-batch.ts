import type { Command } from "./commands.js";
import { type DecideContext, decideOn } from "./decide.js";
import { DomainError } from "./errors.js";
import type { CommunityEvent } from "./events/community-event.js";
import { applyEvent } from "./evolve.js";
import type { CommunityState, StateMap, StateView } from "./state.js";

/** Writes go to a local Map, reads fall through to the base: O(1) to set up, the base untouched. */
class OverlayMap<V> implements StateMap<V> {
  private readonly local = new Map<string, V>();
  constructor(private readonly base: StateMap<V>) {}
  get(key: string): V | undefined {
    return this.local.get(key) ?? this.base.get(key);
  }
  has(key: string): boolean {
    return this.local.has(key) || this.base.has(key);
  }
  set(key: string, value: V): this {
    this.local.set(key, value);
    return this;
  }
}

/** A new community's session (an import) writes to a plain Map: one lookup per read instead of two. */
function workingCopy<V>(base: Map<string, V>): StateMap<V> {
  return base.size === 0 ? new Map<string, V>() : new OverlayMap(base);
}

/**
 * Decides commands in order, each seeing the events of those before it (a batch may register
 * members and then use them). All or nothing: the first refusal throws its DomainError with
 * `index` set, and no events are returned. The caller's state is never changed.
 */
export function decideBatch(
  state: CommunityState,
  commands: readonly Command[],
  context: DecideContext,
): CommunityEvent[] {
  return new DecisionSession(state, context).decide(commands);
}

/** The refusals of a batch: the first ones, in order, each with its command's `index`, and how many there are. */
export interface BatchRefusals {
  readonly refusals: DomainError[];
  readonly count: number;
}

/**
 * Every refusal in a batch, for reports that list each bad row (an import): each command is
 * decided against the events of the accepted commands before it; a refused one adds nothing.
 * Keeps the first `limit` refusals and counts them all. The caller's state is never changed.
 */
export function refusalsInBatch(
  state: CommunityState,
  commands: readonly Command[],
  context: DecideContext,
  limit: number,
): BatchRefusals {
  const session = new DecisionSession(state, context);
  const refusals: DomainError[] = [];
  let count = 0;
  for (const command of commands) {
    const refusal = session.attempt(command);
    if (!refusal) continue;
    count += 1;
    if (refusals.length < limit) refusals.push(refusal);
  }
  return { refusals, count };
}

/**
 * Decides a long history in pieces without keeping its events: each call sees the events of every
 * command decided before it in the session. A refusal throws DomainError with the command's index
 * counted from the session's first command; the session is then spent. The caller's state is
 * never changed.
 */
export class DecisionSession {
  private readonly working: StateView;
  private decided = 0;

  constructor(
    state: CommunityState,
    private readonly context: DecideContext,
  ) {
    this.working = {
      registered: state.registered,
      communityId: state.communityId,
      registeredAt: state.registeredAt,
      members: workingCopy(state.members),
      records: workingCopy(state.records),
      eventCount: state.eventCount,
    };
  }

  decide(commands: readonly Command[]): CommunityEvent[] {
    const events: CommunityEvent[] = [];
    for (const command of commands) {
      let decided: CommunityEvent[];
      try {
        decided = decideOn(this.working, command, this.context);
      } catch (error) {
        throw error instanceof DomainError ? error.withIndex(this.decided) : error;
      }
      for (const event of decided) {
        applyEvent(this.working, event);
        events.push(event);
      }
      this.decided += 1;
    }
    return events;
  }

  /** Decides one command; a refusal is returned (index set), not thrown, and the session goes on without it. */
  attempt(command: Command): DomainError | undefined {
    const index = this.decided;
    this.decided += 1;
    let decided: CommunityEvent[];
    try {
      decided = decideOn(this.working, command, this.context);
    } catch (error) {
      if (error instanceof DomainError) return error.withIndex(index);
      throw error;
    }
    for (const event of decided) applyEvent(this.working, event);
    return undefined;
  }
}
