// The decider's refusals of an import (members the community does not know, ids used before) as
// the file's bad rows: the line, the column when the refusal names a field, and the reason.
import type { IssuePath } from "@copgraph/domain";
import type { LineError } from "../text.js";
import { type CsvKind, csvColumns } from "./columns.js";

/** A refusal as the decider gives it: the command's index in the batch, where in its data, why. */
export interface Refusal {
  readonly index?: number;
  readonly path: IssuePath;
  readonly message: string;
}

/**
 * One line error per refusal, in the order given. `lines[i]` are the file lines of event i (a
 * gathering's participant rows in participant order), so a refused participant points at its own row.
 */
export function refusedRows(
  kind: CsvKind,
  refusals: readonly Refusal[],
  lines: readonly (readonly number[])[],
): LineError[] {
  const names: ReadonlySet<string> = new Set(csvColumns[kind].map((column) => column.name));
  return refusals.map(({ index = 0, path, message }) => {
    const rows = lines[index] ?? [];
    const [field, position, participantField] = path;
    if (field === "participants" && typeof position === "number") {
      const column = typeof participantField === "string" ? participantField : "memberId";
      return { line: rows[position] ?? rows[0] ?? 0, column, message };
    }
    const column = kind === "members" && field === "occurredAt" ? "joinedAt" : field;
    const line = rows[0] ?? 0;
    return typeof column === "string" && names.has(column) ? { line, column, message } : { line, message };
  });
}
