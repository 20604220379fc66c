// Members file: one MemberJoined per row; columns beyond the fixed ones are custom attributes.
import type { Issue } from "@copgraph/domain";
import type { LineError } from "../text.js";
import { type CellRef, futureError, missingCells, toOccurredAt } from "./cells.js";
import { csvColumns } from "./columns.js";
import { checkEvent, type Produced } from "./produced.js";
import type { Table, TableRow } from "./table.js";

const columns = csvColumns.members;
const optional = ["organisation", "learningEnvironment"] as const;

export function memberEvents(table: Table, now: Date): Produced {
  const produced: Produced = { events: [], errors: [] };
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const errors: LineError[] = missingCells(row, columns);
    const memberId = row.cell("memberId");
    if (memberId !== undefined) {
      const first = firstLine.get(memberId);
      if (first === undefined) firstLine.set(memberId, row.line);
      else
        errors.push({
          line: row.line,
          column: "memberId",
          message: `member '${memberId}' is already on line ${first}`,
        });
    }
    const joinedAt = row.cell("joinedAt");
    const data: Record<string, unknown> = {
      memberId,
      displayName: row.cell("displayName"),
      sector: row.cell("sector"),
      occupationalLayer: row.cell("occupationalLayer"),
      occurredAt: joinedAt === undefined ? undefined : toOccurredAt(joinedAt),
    };
    for (const field of optional) {
      const value = row.cell(field);
      if (value !== undefined) data[field] = value;
    }
    const attributes: Record<string, string> = {};
    for (const column of table.extraColumns) {
      const value = row.cell(column);
      if (value !== undefined) attributes[column] = value;
    }
    if (Object.keys(attributes).length > 0) data.attributes = attributes;
    const checked = checkEvent({ type: "MemberJoined", data }, locate(row), columns, errors);
    errors.push(...checked.errors);
    const future = checked.event && futureError(row, "joinedAt", String(data.occurredAt), now);
    if (future) errors.push(future);
    if (errors.length > 0) produced.errors.push(...errors);
    else if (checked.event) produced.events.push({ event: checked.event, lines: [row.line] });
  }
  return produced;
}

const locate =
  (row: TableRow) =>
  (path: Issue["path"]): CellRef => {
    const [field, key] = path;
    if (field === "occurredAt") return { row, column: "joinedAt" };
    if (field === "attributes") return typeof key === "string" ? { row, column: key } : { row };
    return typeof field === "string" ? { row, column: field } : { row };
  };
