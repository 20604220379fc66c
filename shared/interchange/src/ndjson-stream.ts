// Reading a large NDJSON event log piece by piece, so an import never holds the whole file: the
// text arrives in chunks, complete lines become events, and only ids seen so far are remembered.
import { type ImportedEvent, parseRecord, recordToEvent } from "./ndjson.js";
import type { LineError } from "./text.js";

export interface LineEvent {
  readonly event: ImportedEvent;
  /** 1-based line of the file. */
  readonly line: number;
}

export interface NdjsonStreamOptions {
  /** Check schemas and repeated ids (off for a second pass over a file already checked). */
  readonly validate: boolean;
  /**
   * Remember every id to report a repeated one by its line (default on). Off when the events go
   * straight into a store transaction, whose unique index refuses a repeated id anyway.
   */
  readonly rememberIds?: boolean;
}

/**
 * Events of a log in revision order, as copgraph exports it. A revision that does not come after
 * the one before stops the reading (`outOfOrder`): such a file must be read whole and sorted.
 */
export class NdjsonEventStream {
  readonly errors: LineError[] = [];
  /** Set when a revision does not follow the one before; nothing after it was read. */
  outOfOrder = false;
  private rest = "";
  private line = 0;
  private lastRevision = -1;
  private readonly ids = new Set<string>();

  constructor(private readonly options: NdjsonStreamOptions) {}

  /** The events of the complete lines so far (a line cut by the chunk's end waits for the next chunk). */
  push(chunk: string): LineEvent[] {
    const text = this.line === 0 && this.rest === "" ? chunk.replace(/^\uFEFF/, "") : chunk;
    const lines = (this.rest + text).split("\n");
    this.rest = lines.pop() ?? "";
    return this.read(lines);
  }

  /** The events of lines the caller has already split (without their line ends). */
  lines(lines: readonly string[]): LineEvent[] {
    const first = lines[0];
    if (this.line === 0 && first?.startsWith("\uFEFF")) return this.read([first.slice(1), ...lines.slice(1)]);
    return this.read(lines);
  }

  /** The last line, if the file does not end with a newline. */
  end(): LineEvent[] {
    const last = this.rest;
    this.rest = "";
    return this.read([last]);
  }

  private read(lines: readonly string[]): LineEvent[] {
    const events: LineEvent[] = [];
    for (const raw of lines) {
      const line = ++this.line;
      if (this.outOfOrder) continue;
      const source = raw.trim();
      if (source === "") continue;
      const record = parseRecord(source, line, this.errors);
      if (!record) continue;
      if (record.revision <= this.lastRevision) {
        this.outOfOrder = true;
        continue;
      }
      this.lastRevision = record.revision;
      if (!this.options.validate) {
        const { type, data, id, recordedAt } = record;
        events.push({ event: { type, data, id, recordedAt } as ImportedEvent, line });
        continue;
      }
      if (this.options.rememberIds !== false) {
        if (this.ids.has(record.id)) {
          this.errors.push({ line, message: `id ${record.id} repeats an earlier line` });
          continue;
        }
        this.ids.add(record.id);
      }
      const event = recordToEvent(record, line, this.errors);
      if (event) events.push({ event, line });
    }
    return events;
  }
}
