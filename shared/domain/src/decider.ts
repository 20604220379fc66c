import type { Command } from "./commands.js";
import { type DecideContext, decide } from "./decide.js";
import type { CommunityEvent } from "./events/community-event.js";
import { evolve } from "./evolve.js";
import { type CommunityState, initialState } from "./state.js";

/** The community decider as one value, Emmett-style: `{ decide, evolve, initialState }`. */
export interface Decider {
  decide(state: CommunityState, command: Command, context: DecideContext): CommunityEvent[];
  evolve(state: CommunityState, event: CommunityEvent): CommunityState;
  initialState(): CommunityState;
}

export const communityDecider: Decider = { decide, evolve, initialState };
