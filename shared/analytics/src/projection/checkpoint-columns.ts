// Building blocks of a history checkpoint (history-checkpoint.ts): facts as columns of numbers,
// and each repeated text (member ids, kinds, formats, roles) once, pointed at by number.
import type { Dated } from "./sorted-facts.js";

/** The three clocks of a list of facts, by position. */
export interface DatedColumns {
  readonly occurredAt: Float64Array;
  readonly recordedAt: Float64Array;
  readonly revision: Float64Array;
}

export function toDatedColumns(facts: readonly Dated[]): DatedColumns {
  const occurredAt = new Float64Array(facts.length);
  const recordedAt = new Float64Array(facts.length);
  const revision = new Float64Array(facts.length);
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i]!;
    occurredAt[i] = fact.occurredAt;
    recordedAt[i] = fact.recordedAt;
    revision[i] = fact.revision;
  }
  return { occurredAt, recordedAt, revision };
}

/** Texts numbered in the order first seen. */
export class TextCodes {
  readonly texts: string[] = [];
  readonly #codes = new Map<string, number>();

  code(text: string): number {
    let code = this.#codes.get(text);
    if (code === undefined) {
      code = this.texts.push(text) - 1;
      this.#codes.set(text, code);
    }
    return code;
  }
}

/** Thrown by checks on a checkpoint's data: it was not written by this code, or it is damaged. */
export class CheckpointUnusableError extends Error {
  override readonly name = "CheckpointUnusableError";
}

export function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new CheckpointUnusableError(`history checkpoint: ${what}`);
}

/** Every column holds `length` entries. */
export function checkLengths(name: string, length: number, ...columns: ArrayLike<unknown>[]): void {
  for (const column of columns) check(column.length === length, `${name} has columns of different lengths`);
}

/** Offsets that end each fact's slice of a flat column: never decreasing, the last at the column's end. */
export function checkEnds(name: string, ends: Uint32Array, flat: ArrayLike<unknown>): void {
  let previous = 0;
  for (const end of ends) {
    check(end >= previous, `${name} offsets decrease`);
    previous = end;
  }
  check(previous === flat.length, `${name} offsets do not end at the column's end`);
}

/** Every code points into a table of `size` texts. */
export function checkCodes(name: string, codes: ArrayLike<number>, size: number): void {
  for (let i = 0; i < codes.length; i++) check(codes[i]! < size, `${name} points past the texts`);
}
