import type { Notice } from "@copgraph/contract";
import { session } from "../../core/session.js";

/**
 * New notices of a community as they are found: the `notice` messages of its `/changes` stream,
 * read through fetch so a signed-in key goes with it. Returns a function that stops listening.
 */
export function followNotices(communityId: string, onNotice: (notice: Notice) => void): () => void {
  const abort = new AbortController();
  void (async () => {
    const response = await fetch(`/v1/communities/${encodeURIComponent(communityId)}/changes`, {
      headers: session.headers(),
      signal: abort.signal,
    });
    if (!response.ok) return;
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done) return;
      buffer += value;
      const messages = buffer.split("\n\n");
      buffer = messages.pop() ?? "";
      for (const message of messages) {
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (/^event: notice$/m.test(message) && data) onNotice(JSON.parse(data) as Notice);
      }
    }
  })().catch(() => undefined);
  return () => abort.abort();
}
