// Cell conversions shared by the row readers: dates, numbers, `;` lists, and turning the
// domain's issue messages into ones a spreadsheet user can act on.
import { ALLOWED_CLOCK_SKEW_MS, DATE_TIME_SENTENCE, type Issue } from "@copgraph/domain";
import type { LineError } from "../text.js";
import type { CsvColumn } from "./columns.js";
import type { TableRow } from "./table.js";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?(?=[Z+-]|$)/;

/**
 * The event's `occurredAt` for a date cell. A bare date means 00:00 UTC that day (spreadsheets
 * write dates without times); a space between date and time is read as `T`, and missing seconds
 * as `:00`. The rest is the domain schema's to judge: it refuses date-times without an offset.
 */
export function toOccurredAt(text: string): string {
  if (DATE_ONLY.test(text)) return `${text}T00:00:00Z`;
  return text.replace(
    DATE_TIME,
    (_all, date: string, time: string, seconds?: string) => `${date}T${time}${seconds ?? ":00"}`,
  );
}

/** A number cell; a decimal comma is accepted. NaN when the cell is not a plain number. */
export function toNumber(text: string): number {
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(text)) return Number.NaN;
  return Number(text.replace(",", "."));
}

/** The values of a `;`-separated cell, trimmed, empty pieces dropped. */
export function splitList(text: string): string[] {
  return text
    .split(";")
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
}

/** An error when `occurredAt` lies beyond now plus the clock skew the decider allows. */
export function futureError(row: TableRow, column: string, occurredAt: string, now: Date): LineError | undefined {
  const time = Date.parse(occurredAt);
  if (Number.isNaN(time) || time <= now.getTime() + ALLOWED_CLOCK_SKEW_MS) return undefined;
  return { line: row.line, column, message: `${row.cell(column)} is in the future` };
}

/** Where an issue of the event points in the file: a row and, when the issue names a field, its column. */
export interface CellRef {
  readonly row: TableRow;
  readonly column?: string;
}

/** The domain's issues as line errors, with catalogue and date messages said in the file's terms. */
export function issueErrors(
  issues: readonly Issue[],
  locate: (path: Issue["path"]) => CellRef,
  columns: readonly CsvColumn[],
): LineError[] {
  return issues.map((issue) => {
    const { row, column } = locate(issue.path.slice(1));
    const spec = columns.find((candidate) => candidate.name === column);
    const value = column === undefined ? undefined : row.cell(column);
    let message = issue.message;
    if (spec?.values && issue.code === "invalid_value") {
      message = `'${value}' is not allowed; use one of: ${spec.values.join(", ")}`;
    } else if (message === DATE_TIME_SENTENCE) {
      message = `'${value}' is not a date: write 2025-03-01 or 2025-03-01T09:00:00+01:00 (a time needs an offset or Z)`;
    }
    return column === undefined ? { line: row.line, message } : { line: row.line, column, message };
  });
}

/** Errors for required cells left empty; checked before the schema, whose message would be less clear. */
export function missingCells(row: TableRow, columns: readonly CsvColumn[], skip: readonly string[] = []): LineError[] {
  return columns
    .filter((column) => column.required && !skip.includes(column.name) && row.cell(column.name) === undefined)
    .map((column) => ({ line: row.line, column: column.name, message: `${column.name} is required` }));
}
