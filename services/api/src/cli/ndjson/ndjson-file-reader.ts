import { startWorker } from "@copgraph/event-store";
import type { ImportedEvent, LineError, LineEvent, NdjsonStreamOptions } from "@copgraph/interchange";
import { CHUNK_BYTES } from "./file-lines.js";
import type { FromReader, ReaderData } from "./reader-messages.js";

/** Chunks the reading thread checks ahead of the caller: it stays busy while the caller decides and stores. */
const AHEAD = 4;

/**
 * The events of an NDJSON event log, a chunk at a time, parsed and checked on a thread of their
 * own: splitting, JSON.parse and the schema checks run beside the deciding and storing. Events
 * cross as one JSON text per chunk, which costs far less than the structured clone of objects.
 */
export class NdjsonFileReader {
  /** Every problem found so far, in line order. */
  readonly errors: LineError[] = [];
  /** Set when a revision does not follow the one before; nothing after it was read. */
  outOfOrder = false;

  constructor(
    private readonly file: string,
    private readonly options: NdjsonStreamOptions,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  /** The checked events of each chunk and the bytes read so far; leaving the loop early stops the thread. */
  async *pieces(): AsyncGenerator<{ events: LineEvent[]; read: number }> {
    const extension = import.meta.url.endsWith(".ts") ? "ts" : "js";
    const data: ReaderData = { file: this.file, options: this.options, chunkBytes: this.chunkBytes };
    const worker = startWorker(new URL(`./reader-thread.${extension}`, import.meta.url), data);
    const arrived: FromReader[] = [];
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    worker.on("message", (message: FromReader) => {
      arrived.push(message);
      wake?.();
    });
    worker.on("error", (error) => {
      failure = error;
      wake?.();
    });
    worker.on("exit", (code) => {
      failure ??= new Error(`the NDJSON reading thread stopped with exit code ${code}`);
      wake?.();
    });
    const next = async (): Promise<FromReader> => {
      while (arrived.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const message = arrived.shift();
      if (!message) throw failure;
      return message;
    };
    try {
      for (let i = 0; i < AHEAD; i++) worker.postMessage("next");
      for (let piece = await next(); !piece.done; piece = await next()) {
        worker.postMessage("next");
        for (const error of piece.errors) this.errors.push(error);
        this.outOfOrder = piece.outOfOrder;
        const events = JSON.parse(piece.events) as ImportedEvent[];
        yield { events: events.map((event, i) => ({ event, line: piece.lines[i] as number })), read: piece.read };
      }
    } finally {
      await worker.terminate();
    }
  }
}
