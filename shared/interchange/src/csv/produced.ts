// What a row reader hands back: each event with the file lines it came from, and every error.
import { type CommunityEvent, type Issue, parseEvent } from "@copgraph/domain";
import type { LineError } from "../text.js";
import { type CellRef, issueErrors } from "./cells.js";
import type { CsvColumn } from "./columns.js";

export interface ProducedEvent {
  readonly event: CommunityEvent;
  /** File lines of the event: one row, or a gathering's participant rows in participant order. */
  readonly lines: readonly number[];
}

export interface Produced {
  readonly events: ProducedEvent[];
  readonly errors: LineError[];
}

/**
 * Validates `{ type, data }` with the domain's parseEvent. Issues on a column already reported
 * for the same line (an empty required cell) are dropped, so each problem is said once.
 */
export function checkEvent(
  input: { type: CommunityEvent["type"]; data: Record<string, unknown> },
  locate: (path: Issue["path"]) => CellRef,
  columns: readonly CsvColumn[],
  reported: readonly LineError[],
): { event?: CommunityEvent; errors: LineError[] } {
  const result = parseEvent(input);
  if (result.ok) return { event: result.event, errors: [] };
  const errors = issueErrors(result.issues, locate, columns).filter(
    (error) => !reported.some((done) => done.line === error.line && done.column === error.column),
  );
  return { errors };
}
