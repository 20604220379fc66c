// A dyad matrix over a list of members: values[i * n + j] is the value for the ordered pair (i, j).
// The diagonal is never read: a member has no tie with themselves.
import { SurveyInputError } from "./responses.js";

export interface DyadMatrix {
  /** The members, in the order of rows and columns. */
  readonly members: readonly string[];
  /** n × n values, row by row. */
  readonly values: Float64Array;
}

/** The matrix over `members` whose (i, j) value is `valueFor(members[i], members[j])` (i ≠ j). */
export function dyadMatrix(members: readonly string[], valueFor: (from: string, to: string) => number): DyadMatrix {
  const n = members.length;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) values[i * n + j] = valueFor(members[i]!, members[j]!);
  }
  return { members, values };
}

/** A symmetric 0/1 matrix over `members` with 1 for each listed pair (either order); others are 0. */
export function matrixOfPairs(members: readonly string[], pairs: Iterable<readonly [string, string]>): DyadMatrix {
  const index = new Map(members.map((id, i) => [id, i]));
  const n = members.length;
  const values = new Float64Array(n * n);
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    values[i * n + j] = 1;
    values[j * n + i] = 1;
  }
  return { members, values };
}

/** Checks that the matrices are square, finite off the diagonal and over the same members in the same order. */
export function checkSameMembers(named: Readonly<Record<string, DyadMatrix>>): number {
  let first: readonly string[] | undefined;
  let firstName = "";
  for (const [name, matrix] of Object.entries(named)) {
    const n = matrix.members.length;
    if (matrix.values.length !== n * n) {
      throw new SurveyInputError(`${name} must hold ${n} × ${n} values, not ${matrix.values.length}`);
    }
    if (new Set(matrix.members).size !== n) throw new SurveyInputError(`${name} names a member twice`);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i !== j && !Number.isFinite(matrix.values[i * n + j]!)) {
          throw new SurveyInputError(`${name} has no finite value for ${matrix.members[i]} → ${matrix.members[j]}`);
        }
      }
    }
    if (first === undefined) {
      first = matrix.members;
      firstName = name;
    } else if (first.length !== n || first.some((id, i) => matrix.members[i] !== id)) {
      throw new SurveyInputError(`${name} must list the same members in the same order as ${firstName}`);
    }
  }
  return first?.length ?? 0;
}
