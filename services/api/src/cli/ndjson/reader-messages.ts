import type { LineError, NdjsonStreamOptions } from "@copgraph/interchange";

export interface ReaderData {
  readonly file: string;
  readonly options: NdjsonStreamOptions;
  readonly chunkBytes: number;
}

/** One chunk of the file, checked. */
export interface CheckedPiece {
  readonly done: false;
  /** The events of the chunk as one JSON array of `{ id, type, data }`: a single string crosses threads cheaply. */
  readonly events: string;
  /** The file line of each event. */
  readonly lines: readonly number[];
  /** Problems found in this chunk. */
  readonly errors: readonly LineError[];
  readonly outOfOrder: boolean;
  /** Bytes of the file read so far. */
  readonly read: number;
}

export type FromReader = CheckedPiece | { readonly done: true };
