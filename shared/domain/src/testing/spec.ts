// Given/when/then for the decider, Emmett-style:
//   given(events).when(command).then(expectedEvents) | .thenThrows(code, path?)
// Plain node:assert, so the helper works under any test runner.
import assert from "node:assert/strict";
import type { Command } from "../commands.js";
import { decide } from "../decide.js";
import { decideBatch } from "../decide-batch.js";
import { DomainError, type DomainErrorCode } from "../errors.js";
import type { CommunityEvent } from "../events/community-event.js";
import { evolve } from "../evolve.js";
import type { IssuePath } from "../issues.js";
import { type CommunityState, initialState } from "../state.js";

/** Default `now` of a spec: after every fixture date, so only explicit future dates are refused. */
export const SPEC_NOW = new Date("2025-06-01T12:00:00Z");

export interface Outcome {
  then(expected: readonly CommunityEvent[]): void;
  /** Asserts the refusal and returns the error for further checks. */
  thenThrows(code: DomainErrorCode, path?: IssuePath): DomainError;
}

export interface Given {
  readonly state: CommunityState;
  when(command: Command, now?: Date): Outcome;
  whenBatch(commands: readonly Command[], now?: Date): Outcome;
}

export function given(events: readonly CommunityEvent[]): Given {
  const state = events.reduce(evolve, initialState());
  return {
    state,
    when: (command, now = SPEC_NOW) => outcome(() => decide(state, command, { now })),
    whenBatch: (commands, now = SPEC_NOW) => outcome(() => decideBatch(state, commands, { now })),
  };
}

function outcome(run: () => CommunityEvent[]): Outcome {
  return {
    // biome-ignore lint/suspicious/noThenProperty: the spec style is given/when/then; outcomes are never awaited.
    then(expected) {
      assert.deepEqual(run(), expected);
    },
    thenThrows(code, path) {
      let events: CommunityEvent[];
      try {
        events = run();
      } catch (error) {
        assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
        assert.equal(error.code, code, error.message);
        if (path) assert.deepEqual(error.path, path, error.message);
        return error;
      }
      assert.fail(`expected ${code}, but the command produced ${JSON.stringify(events)}`);
    },
  };
}
