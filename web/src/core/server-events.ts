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
 * (EventSource cannot send one), and hands each event to `onEvent`. Returns what stops reading.
 */
export function readServerEvents(url: string, onEvent: (event: ServerEvent) => void): () => void {
  const abort = new AbortController();
  void (async () => {
    const response = await fetch(url, { headers: session.headers(), signal: abort.signal });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const { events, rest } = splitServerEvents(buffer + value);
      buffer = rest;
      for (const event of events) onEvent(event);
    }
  })().catch(() => undefined);
  return () => abort.abort();
}
