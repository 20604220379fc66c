import { session } from "./session.js";

/** One server-sent event: its type ("message" when the server named none) and its data. */
export interface ServerEvent {
  readonly type: string;
  readonly data: string;
}

/** The complete events in `text` and what is left of an event still arriving. */
export function splitServerEvents(text: string): { events: ServerEvent[]; rest: string } {
  const blocks = text.split("\n\n");
  const rest = blocks.pop() ?? "";
  const events: ServerEvent[] = [];
  for (const block of blocks) {
    const lines = block.split("\n");
    const data = lines.filter((line) => line.startsWith("data:")).map((line) => line.slice(5).replace(/^ /, ""));
    if (data.length === 0) continue;
    const type =
      lines
        .find((line) => line.startsWith("event:"))
        ?.slice(6)
        .trim() || "message";
    events.push({ type, data: data.join("\n") });
  }
  return { events, rest };
}

/**
 * Reads a server-sent event stream through fetch, so that the signed-in key goes with it
 * (EventSource cannot send one), and hands each event to `onEvent`. With `reconnectMs`, a stream
 * that ends or drops is opened again after that wait (one the server refuses is not: asking again
 * would be refused again). Returns what stops reading.
 */
export function readServerEvents(
  url: string,
  onEvent: (event: ServerEvent) => void,
  options: { readonly reconnectMs?: number } = {},
): () => void {
  const abort = new AbortController();
  void (async () => {
    for (;;) {
      const refused = await readOnce(url, onEvent, abort.signal).catch(() => false);
      if (refused || options.reconnectMs === undefined || abort.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, options.reconnectMs));
      if (abort.signal.aborted) return;
    }
  })();
  return () => abort.abort();
}

/** Reads the stream until it ends; true when the server refused it. */
async function readOnce(url: string, onEvent: (event: ServerEvent) => void, signal: AbortSignal): Promise<boolean> {
  // Without credentials (the key travels in a header, never a cookie): Chromium then keeps streams in
  // a socket group apart from the page's reads, so pages holding streams never starve the reads of
  // its six connections per server (seven open views stalled the seventh's readings).
  const response = await fetch(url, { headers: session.headers(), signal, credentials: "omit" });
  if (!response.ok || !response.body) return true;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    const { events, rest } = splitServerEvents(buffer + value);
    buffer = rest;
    for (const event of events) onEvent(event);
  }
}

interface Shared {
  readonly listeners: Set<(event: ServerEvent) => void>;
  readonly stop: () => void;
}
const shared = new Map<string, Shared>();

/** After a dropped shared stream, how long before it is opened again. */
const SHARED_RECONNECT_MS = 3_000;

/**
 * The events of a stream that several parts of a page follow (a community's /changes: new
 * revisions, notices, survey answers) over ONE connection: a browser holds only six per server,
 * and a page with a stream per part ran out of them. Reconnects after a drop; closed when the last
 * follower stops. Returns what stops this follower.
 */
export function followServerEvents(url: string, onEvent: (event: ServerEvent) => void): () => void {
  let stream = shared.get(url);
  if (!stream) {
    const listeners = new Set<(event: ServerEvent) => void>();
    const stop = readServerEvents(
      url,
      (event) => {
        for (const listener of [...listeners]) listener(event);
      },
      { reconnectMs: SHARED_RECONNECT_MS },
    );
    stream = { listeners, stop };
    shared.set(url, stream);
  }
  const { listeners } = stream;
  listeners.add(onEvent);
  return () => {
    listeners.delete(onEvent);
    if (listeners.size === 0 && shared.get(url) === stream) {
      shared.delete(url);
      stream?.stop();
    }
  };
}
