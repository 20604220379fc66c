// One GET on loopback, timed from this process: status, milliseconds to the last byte, answer bytes.
// Every request has a timeout; a failure is returned, not thrown, so a measure can report it.

export interface TimedAnswer {
  readonly status: number;
  readonly ms: number;
  readonly bytes: number;
  readonly text: string;
  /** Why there is no answer (timeout, connection refused); status is then 0. */
  readonly error?: string;
}

export async function timedGet(
  baseUrl: string,
  path: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TimedAnswer> {
  const started = performance.now();
  const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
  try {
    const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.any(signals) });
    const body = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      ms: performance.now() - started,
      bytes: body.length,
      text: body.toString("utf8"),
    };
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (error as Error).message;
    return { status: 0, ms: performance.now() - started, bytes: 0, text: "", error: reason };
  }
}

/** The answer's JSON, or an error naming the request and what came back. */
export function okJson<T>(answer: TimedAnswer, what: string): T {
  if (answer.status !== 200)
    throw new Error(`${what}: ${answer.error ?? `${answer.status} ${answer.text.slice(0, 300)}`}`);
  return JSON.parse(answer.text) as T;
}

export async function getOk<T>(baseUrl: string, path: string, timeoutMs: number): Promise<T> {
  return okJson<T>(await timedGet(baseUrl, path, timeoutMs), `GET ${path}`);
}

/** A query string from defined values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}
