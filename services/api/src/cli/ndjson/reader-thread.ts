// The reading thread of an NDJSON import: splits, parses and checks the lines one chunk ahead of
// the thread that decides and stores them. Each request from that thread gets the next chunk.
import { parentPort, workerData } from "node:worker_threads";
import { NdjsonEventStream } from "@copgraph/interchange";
import { fileLines } from "./file-lines.js";
import type { FromReader, ReaderData } from "./reader-messages.js";

const { file, options, chunkBytes } = workerData as ReaderData;
const port = parentPort;
if (!port) throw new Error("the NDJSON reader runs as a worker thread");

const stream = new NdjsonEventStream(options);
const chunks = fileLines(file, chunkBytes);
let reported = 0;

port.on("message", () => {
  const next = chunks.next();
  if (next.done) {
    port.postMessage({ done: true } satisfies FromReader);
    return;
  }
  const checked = stream.lines(next.value.lines);
  const errors = stream.errors.slice(reported);
  reported = stream.errors.length;
  port.postMessage({
    done: false,
    events: JSON.stringify(checked.map(({ event }) => event)),
    lines: checked.map(({ line }) => line),
    errors,
    outOfOrder: stream.outOfOrder,
    read: next.value.read,
  } satisfies FromReader);
});
