// Gatherings file: one row per participant, grouped by gatheringId into one GatheringHeld each.
// The gathering's own columns may be filled on every row or only on one; they must not disagree.
import type { Issue } from "@copgraph/domain";
import type { LineError } from "../text.js";
import { type CellRef, futureError, missingCells, splitList, toNumber, toOccurredAt } from "./cells.js";
import { csvColumns, gatheringLevelColumns } from "./columns.js";
import { checkEvent, type Produced } from "./produced.js";
import type { Table, TableRow } from "./table.js";

const columns = csvColumns.gatherings;

export function gatheringEvents(table: Table, now: Date): Produced {
  const produced: Produced = { events: [], errors: [] };
  const groups = new Map<string, TableRow[]>();
  for (const row of table.rows) {
    const id = row.cell("gatheringId");
    if (id === undefined) {
      produced.errors.push({ line: row.line, column: "gatheringId", message: "gatheringId is required" });
      continue;
    }
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  for (const [gatheringId, rows] of groups) {
    const group = gatheringEvent(gatheringId, rows, now);
    if (group.errors.length > 0) produced.errors.push(...group.errors);
    else if (group.event) produced.events.push({ event: group.event, lines: rows.map((row) => row.line) });
  }
  return produced;
}

function gatheringEvent(gatheringId: string, rows: readonly TableRow[], now: Date) {
  const errors: LineError[] = [];
  const first = rows[0]!;
  // Which row gave each gathering-level value, so an issue with it points there.
  const source = new Map<string, TableRow>();
  for (const column of gatheringLevelColumns) {
    for (const row of rows) {
      const value = row.cell(column);
      if (value === undefined) continue;
      const earlier = source.get(column);
      if (!earlier) source.set(column, row);
      else if (earlier.cell(column) !== value) {
        errors.push({
          line: row.line,
          column,
          message: `'${value}' differs from '${earlier.cell(column)}' on line ${earlier.line} for the same gathering`,
        });
      }
    }
  }
  const value = (column: string) => source.get(column)?.cell(column);
  for (const column of columns.filter((spec) => spec.required && gatheringLevel(spec.name))) {
    if (value(column.name) === undefined) {
      errors.push({ line: first.line, column: column.name, message: `${column.name} is required` });
    }
  }
  if (rows.length < 2) {
    errors.push({
      line: first.line,
      column: "memberId",
      message: "a gathering needs at least two participants, one row each",
    });
  }
  const participants: { memberId?: string; role?: string }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    errors.push(...missingCells(row, columns, [...gatheringLevelColumns, "gatheringId"]));
    const memberId = row.cell("memberId");
    if (memberId !== undefined) {
      const line = seen.get(memberId);
      if (line === undefined) seen.set(memberId, row.line);
      else
        errors.push({ line: row.line, column: "memberId", message: `'${memberId}' is already listed on line ${line}` });
    }
    participants.push({ memberId, role: row.cell("role") });
  }
  const occurredAt = value("occurredAt");
  const data: Record<string, unknown> = {
    gatheringId,
    format: value("format"),
    occurredAt: occurredAt === undefined ? undefined : toOccurredAt(occurredAt),
    participants,
  };
  for (const field of ["place", "title", "notes"] as const) {
    const text = value(field);
    if (text !== undefined) data[field] = text;
  }
  const topics = value("topics");
  if (topics !== undefined) data.topics = splitList(topics);
  const duration = value("durationMinutes");
  if (duration !== undefined) {
    const minutes = toNumber(duration);
    if (Number.isInteger(minutes)) data.durationMinutes = minutes;
    else {
      const row = source.get("durationMinutes")!;
      errors.push({ line: row.line, column: "durationMinutes", message: `'${duration}' is not a whole number` });
    }
  }
  const locate = (path: Issue["path"]): CellRef => {
    const [field, index, participantField] = path;
    if (field === "participants" && typeof index === "number") {
      return {
        row: rows[index] ?? first,
        column: typeof participantField === "string" ? participantField : "memberId",
      };
    }
    if (field === "participants") return { row: first, column: "memberId" };
    if (typeof field !== "string") return { row: first };
    return { row: source.get(field) ?? first, column: field };
  };
  const checked = checkEvent({ type: "GatheringHeld", data }, locate, columns, errors);
  errors.push(...checked.errors);
  const at = source.get("occurredAt");
  const future = checked.event && at && futureError(at, "occurredAt", String(data.occurredAt), now);
  if (future) errors.push(future);
  return { event: checked.event, errors };
}

function gatheringLevel(column: string): boolean {
  return (gatheringLevelColumns as readonly string[]).includes(column);
}
