import { closeSync, openSync, readSync } from "node:fs";

/** Small enough that a chunk's objects die young, large enough that handing one over costs little. */
export const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * A file's complete lines a chunk at a time, with the bytes read so far. Lines are found in the
 * bytes and decoded one by one, so no chunk-sized string is built and split again.
 */
export function* fileLines(file: string, chunkBytes = CHUNK_BYTES): Generator<{ lines: string[]; read: number }> {
  const fd = openSync(file, "r");
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes);
    // The start of a line cut by the end of the last read, moved to the front of the buffer.
    let kept = 0;
    let read = 0;
    for (;;) {
      if (kept === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(chunkBytes)]);
      const bytes = readSync(fd, buffer, kept, buffer.length - kept, null);
      if (bytes === 0) break;
      read += bytes;
      const filled = buffer.subarray(0, kept + bytes);
      const lines: string[] = [];
      let start = 0;
      for (let end = filled.indexOf(NEWLINE); end !== -1; end = filled.indexOf(NEWLINE, start)) {
        lines.push(filled.toString("utf8", start, end));
        start = end + 1;
      }
      kept = filled.copy(buffer, 0, start);
      yield { lines, read };
    }
    if (kept > 0) yield { lines: [buffer.toString("utf8", 0, kept)], read };
  } finally {
    closeSync(fd);
  }
}
