// NDJSON event logs: one LoggedEvent per line. Export writes the API's own log lines; import
// reads them back as `{ id, type, data }` in revision order, keeping the ids so that appending
// the same file twice stores nothing twice (the store deduplicates by event id).
import { type CommunityEvent, type EventType, eventSchemaVersions, parseEvent } from "@copgraph/domain";
import { type LoggedEvent, loggedEventFields, UUID_PATTERN } from "./logged-event.js";
import type { LineError } from "./text.js";

/** One JSON object per line, envelope fields in a fixed order, each line ending in `\n`. */
export function toNdjson(events: Iterable<LoggedEvent>): string {
  let text = "";
  for (const event of events) {
    const ordered = Object.fromEntries(loggedEventFields.map((field) => [field, event[field]]));
    text += `${JSON.stringify(ordered)}\n`;
  }
  return text;
}

export type NdjsonParseResult =
  | { ok: true; records: LoggedEvent[]; lines: number[] }
  | { ok: false; errors: LineError[] };

const integerFields = ["revision", "position", "schemaVersion"] as const;
const stringFields = ["id", "type", "occurredAt", "recordedAt"] as const;
const objectFields = ["data", "metadata"] as const;

/**
 * Reads LoggedEvent lines (blank lines and a BOM ignored, CRLF accepted). Every line with a
 * problem is reported with its 1-based line number; ids and revisions must not repeat.
 */
export function parseNdjson(text: string): NdjsonParseResult {
  const records: LoggedEvent[] = [];
  const lines: number[] = [];
  const errors: LineError[] = [];
  const idLine = new Map<string, number>();
  const revisionLine = new Map<number, number>();
  text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .forEach((raw, index) => {
      const line = index + 1;
      const source = raw.trim();
      if (source === "") return;
      const record = parseRecord(source, line, errors);
      if (!record) return;
      const sameId = idLine.get(record.id);
      if (sameId !== undefined) errors.push({ line, message: `id ${record.id} repeats line ${sameId}` });
      else idLine.set(record.id, line);
      const sameRevision = revisionLine.get(record.revision);
      if (sameRevision !== undefined)
        errors.push({ line, message: `revision ${record.revision} repeats line ${sameRevision}` });
      else revisionLine.set(record.revision, line);
      records.push(record);
      lines.push(line);
    });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, records, lines };
}

/**
 * A record whose envelope is sound → the event to append, checked by the domain's schema; its
 * problems go to `errors` (an event with a wrong schema version is still returned, and reported).
 */
export function recordToEvent(record: LoggedEvent, line: number, errors: LineError[]): ImportedEvent | undefined {
  if (!UUID_PATTERN.test(record.id)) errors.push({ line, message: `id '${record.id}' is not a UUID` });
  const result = parseEvent({ type: record.type, data: record.data });
  if (!result.ok) {
    for (const issue of result.issues)
      errors.push({ line, message: `${issue.path.join(".") || "event"}: ${issue.message}` });
    return undefined;
  }
  const current = eventSchemaVersions[record.type as EventType];
  if (record.schemaVersion !== current) {
    errors.push({
      line,
      message: `schemaVersion ${record.schemaVersion} of ${record.type} is not the current ${current}`,
    });
  }
  return {
    type: result.event.type,
    data: result.event.data,
    id: record.id,
    recordedAt: record.recordedAt,
  } as ImportedEvent;
}

/** JSON.parse of one line and its envelope check; problems go to `errors`. */
export function parseRecord(source: string, line: number, errors: LineError[]): LoggedEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (cause) {
    errors.push({ line, message: `not JSON: ${cause instanceof Error ? cause.message : String(cause)}` });
    return undefined;
  }
  const problems = envelopeProblems(value);
  for (const message of problems) errors.push({ line, message });
  return problems.length > 0 ? undefined : (value as LoggedEvent);
}

function envelopeProblems(value: unknown): string[] {
  if (!isObject(value)) return ["expected a JSON object (one event per line)"];
  const problems: string[] = [];
  for (const field of stringFields) {
    if (typeof value[field] !== "string" || value[field] === "") problems.push(`${field} must be a non-empty string`);
  }
  for (const field of integerFields) {
    if (!Number.isInteger(value[field])) problems.push(`${field} must be an integer`);
  }
  for (const field of objectFields) {
    if (!isObject(value[field])) problems.push(`${field} must be an object`);
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What the batch endpoint takes: the event with its id, and the transaction time it had in the
 * log it came from (kept when a whole community is imported into an empty one).
 */
export type ImportedEvent = CommunityEvent & { readonly id: string; readonly recordedAt?: string };

export type NdjsonImportResult =
  | {
      ok: true;
      /** In revision order. */
      events: ImportedEvent[];
      /** File line of each event, so the caller can point a decider error (batch index) at its line. */
      rows: number[];
    }
  | { ok: false; errors: LineError[] };

/**
 * An NDJSON log → events to append, in revision order, each checked by the domain's parseEvent
 * and carrying its id (a UUID, as the batch endpoint requires) and recordedAt. Schema versions
 * other than the current one are refused: there are no upcasters yet.
 */
export function importNdjson(text: string): NdjsonImportResult {
  const parsed = parseNdjson(text);
  if (!parsed.ok) return parsed;
  const order = parsed.records.map((record, i) => ({ record, line: parsed.lines[i]! }));
  order.sort((a, b) => a.record.revision - b.record.revision);
  const events: ImportedEvent[] = [];
  const errors: LineError[] = [];
  for (const { record, line } of order) {
    const event = recordToEvent(record, line, errors);
    if (event) events.push(event);
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, events, rows: order.map(({ line }) => line) };
}
