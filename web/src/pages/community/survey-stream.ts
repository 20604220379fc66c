import { session } from "../../core/session.js";

export interface SurveyMessage {
  readonly roundId: string;
  readonly type: string;
}

/**
 * The `survey` messages of a community's `/changes` stream (an answer arrived or was withdrawn,
 * never whose), read through fetch so the signed-in key goes with it. Reconnects when the stream
 * drops while the page is open; `onReady` runs each time it (re)connects, to catch up on what it
 * may have missed. Returns a function that stops listening.
 */
export function followSurveys(
  communityId: string,
  onMessage: (message: SurveyMessage) => void,
  onReady?: () => void,
): () => void {
  const abort = new AbortController();
  const listen = async () => {
    const response = await fetch(`/v1/communities/${encodeURIComponent(communityId)}/changes`, {
      headers: session.headers(),
      signal: abort.signal,
    });
    // Refused (role, key, too many streams): asking again would be refused again.
    if (!response.ok) return abort.abort();
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
        if (/^event: survey$/m.test(message) && data) onMessage(JSON.parse(data) as SurveyMessage);
        if (/^event: ready$/m.test(message)) onReady?.();
      }
    }
  };
  void (async () => {
    while (!abort.signal.aborted) {
      await listen().catch(() => undefined);
      if (!abort.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  })();
  return () => abort.abort();
}
