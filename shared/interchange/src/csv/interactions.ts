// Interactions file: one InteractionRecorded per row; `to` and `topics` hold `;`-separated lists.
import type { Issue } from "@copgraph/domain";
import { contentHash } from "../hash.js";
import type { LineError } from "../text.js";
import { type CellRef, futureError, missingCells, splitList, toNumber, toOccurredAt } from "./cells.js";
import { csvColumns } from "./columns.js";
import { checkEvent, type Produced } from "./produced.js";
import type { Table, TableRow } from "./table.js";

const columns = csvColumns.interactions;

export function interactionEvents(table: Table, now: Date, communityId: string): Produced {
  const produced: Produced = { events: [], errors: [] };
  const firstLine = new Map<string, number>();
  const derivedCount = new Map<string, number>();
  for (const row of table.rows) {
    const errors: LineError[] = missingCells(row, columns);
    const from = row.cell("from");
    const to = splitList(row.cell("to") ?? "");
    const occurredAt = row.cell("occurredAt");
    const data: Record<string, unknown> = {
      kind: row.cell("kind"),
      from,
      to,
      occurredAt: occurredAt === undefined ? undefined : toOccurredAt(occurredAt),
    };
    for (const field of ["format", "notes"] as const) {
      const value = row.cell(field);
      if (value !== undefined) data[field] = value;
    }
    const topics = row.cell("topics");
    if (topics !== undefined) data.topics = splitList(topics);
    const weight = row.cell("weight");
    if (weight !== undefined) {
      data.weight = toNumber(weight);
      if (Number.isNaN(data.weight)) {
        errors.push({ line: row.line, column: "weight", message: `'${weight}' is not a number` });
        delete data.weight;
      }
    }
    if (from !== undefined && to.includes(from)) {
      errors.push({ line: row.line, column: "to", message: `'${from}' is both giver and receiver: no self-ties` });
    }
    const id = row.cell("interactionId") ?? derivedId(communityId, data, derivedCount);
    data.interactionId = id;
    const first = firstLine.get(id);
    if (first === undefined) firstLine.set(id, row.line);
    else errors.push({ line: row.line, column: "interactionId", message: `'${id}' is already used on line ${first}` });
    const checked = checkEvent({ type: "InteractionRecorded", data }, locate(row), columns, errors);
    errors.push(...checked.errors);
    const future = checked.event && futureError(row, "occurredAt", String(data.occurredAt), now);
    if (future) errors.push(future);
    if (errors.length > 0) produced.errors.push(...errors);
    else if (checked.event) produced.events.push({ event: checked.event, lines: [row.line] });
  }
  return produced;
}

/**
 * An id from the row's content (and how often that content came before), so importing the same
 * file again yields the same ids and the decider refuses the repeat as duplicate_record_id.
 */
function derivedId(communityId: string, data: Record<string, unknown>, seen: Map<string, number>): string {
  const content = JSON.stringify([
    communityId,
    data.kind,
    data.from,
    data.to,
    data.occurredAt,
    data.format,
    data.topics,
    data.weight,
    data.notes,
  ]);
  const nth = seen.get(content) ?? 0;
  seen.set(content, nth + 1);
  return `i.${contentHash(`${content}#${nth}`)}`;
}

const locate =
  (row: TableRow) =>
  (path: Issue["path"]): CellRef => {
    const [field] = path;
    return typeof field === "string" ? { row, column: field } : { row };
  };
