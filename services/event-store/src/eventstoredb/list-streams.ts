import { type EventStoreDBClient, STREAMS_STREAM } from "@eventstore/db-client";
import { StreamNotFoundError } from "../errors.js";
import type { StreamInfo } from "../port.js";
import { isStreamNotFound, isSystemStream } from "./mapping.js";
import { readStreamEvents } from "./reads.js";

const HEAD_READS_IN_PARALLEL = 16;

/** A "$streams" entry is a link event whose data is "<revision>@<stream id>". */
function linkedStreamId(data: unknown): string | undefined {
  const text =
    typeof data === "string" ? data : data instanceof Uint8Array ? Buffer.from(data).toString("utf8") : undefined;
  const at = text?.indexOf("@") ?? -1;
  return text !== undefined && at >= 0 ? text.slice(at + 1) : undefined;
}

/**
 * Lists streams from "$streams", which the server's system projection of that name fills with one
 * link per stream: the server must run system projections (--run-projections=System or All,
 * --start-standard-projections=true, or enable "$streams" by hand). Without it the list is empty.
 */
export async function listStreamsFrom(client: EventStoreDBClient, prefix: string): Promise<StreamInfo[]> {
  const names = new Set<string>();
  try {
    for await (const resolved of client.readStream(STREAMS_STREAM, { resolveLinkTos: false })) {
      const streamId = linkedStreamId(resolved.event?.data);
      if (streamId?.startsWith(prefix) && !isSystemStream(streamId)) names.add(streamId);
    }
  } catch (error) {
    if (isStreamNotFound(error)) return [];
    throw error;
  }
  const sorted = [...names].sort();
  const streams: StreamInfo[] = [];
  for (let i = 0; i < sorted.length; i += HEAD_READS_IN_PARALLEL) {
    const heads = await Promise.all(
      sorted.slice(i, i + HEAD_READS_IN_PARALLEL).map((streamId) => headOf(client, streamId)),
    );
    for (const head of heads) if (head) streams.push(head);
  }
  return streams;
}

async function headOf(client: EventStoreDBClient, streamId: string): Promise<StreamInfo | undefined> {
  try {
    const [last] = await readStreamEvents(client, streamId, {
      direction: "backwards",
      fromRevision: "end",
      maxCount: 1,
    });
    return last && { streamId, revision: last.revision };
  } catch (error) {
    // Deleted since the projection linked it.
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
