/** Waits longer than this are not worth holding a view for: the error is shown instead. */
const MAX_WAIT_MS = 5_000;

/**
 * How long to wait before asking again, when the server said "busy, try again shortly" (429 or
 * 503 with a Retry-After of at most 5 s, in seconds or as a date); undefined otherwise. A
 * request stopped at the analytics time budget says 30 s or more: asking again would only repeat it.
 */
export function retryDelayMs(status: number, retryAfter: string | null, now = Date.now()): number | undefined {
  if ((status !== 429 && status !== 503) || retryAfter === null) return undefined;
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
  return ms >= 0 && ms <= MAX_WAIT_MS ? ms : undefined;
}

/** Resolves after `ms`, or rejects with the signal's AbortError as soon as it aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", stop, { once: true });
  });
}
