import { expect } from "vitest";

export interface ChangeStream {
  /** Everything received so far, as the server sent it. */
  readonly text: string;
  stop(): void;
}

/** Opens a community's /changes stream on a listening server as a caller, once it says it is ready. */
export async function listenToChanges(
  base: string,
  communityId: string,
  headers: Record<string, string>,
): Promise<ChangeStream> {
  const abort = new AbortController();
  const response = await fetch(`${base}/v1/communities/${communityId}/changes`, { headers, signal: abort.signal });
  expect(response.status).toBe(200);
  const stream = { text: "", stop: () => abort.abort() };
  const reader = response.body!.getReader();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      stream.text += new TextDecoder().decode(value);
    }
  })().catch(() => undefined);
  await expect.poll(() => stream.text).toContain("event: ready");
  return stream;
}
