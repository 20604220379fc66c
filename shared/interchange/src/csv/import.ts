// CSV import: bytes of a members, interactions or gatherings file → the events to append.
// Only the file is checked here; rules that need the community (is the member known and active?)
// are the decider's, and `rows` lets the caller point its errors back at file lines.
import type { CommunityEvent } from "@copgraph/domain";
import { decodeUtf8, type LineError } from "../text.js";
import { type CsvKind, csvKinds } from "./columns.js";
import { gatheringEvents } from "./gatherings.js";
import { interactionEvents } from "./interactions.js";
import { memberEvents } from "./members.js";
import type { Produced } from "./produced.js";
import { readTable, type Table } from "./table.js";

export interface CsvImportOptions {
  /** Part of derived interaction ids, so the same row imported into two communities gets two ids. */
  readonly communityId: string;
  /** Dates later than now (plus the decider's clock skew) are refused. */
  readonly now: Date;
}

export type CsvImportResult =
  | {
      ok: true;
      events: CommunityEvent[];
      /** File line of each event (a gathering: the line of its first row). */
      rows: number[];
      /** Every file line of each event: a gathering's participant rows, in participant order. */
      lines: number[][];
    }
  | { ok: false; errors: LineError[] };

export function parseCsvImport(kind: CsvKind, bytes: Uint8Array, options: CsvImportOptions): CsvImportResult {
  if (!csvKinds.includes(kind)) {
    return { ok: false, errors: [{ line: 1, message: `unknown file kind '${kind}'; use ${csvKinds.join(", ")}` }] };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  const read = readTable(kind, decoded.text);
  if (!read.ok) return read;
  const { table } = read;
  const produced = produce(kind, table, options);
  const errors = [...table.errors, ...produced.errors].sort((a, b) => a.line - b.line);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    events: produced.events.map(({ event }) => event),
    rows: produced.events.map(({ lines }) => lines[0]!),
    lines: produced.events.map(({ lines }) => [...lines]),
  };
}

function produce(kind: CsvKind, table: Table, options: CsvImportOptions): Produced {
  switch (kind) {
    case "members":
      return memberEvents(table, options.now);
    case "interactions":
      return interactionEvents(table, options.now, options.communityId);
    case "gatherings":
      return gatheringEvents(table, options.now);
  }
}
