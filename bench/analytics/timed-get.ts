// One GET on loopback, timed from this process: status, milliseconds to the last byte, answer bytes.
// Every request has a timeout; a failure is returned, not thrown, so a measure can report it.
import http from "node:http";

export interface TimedAnswer {
  readonly status: number;
  readonly ms: number;
  readonly bytes: number;
  readonly text: string;
  /** Why there is no answer (timeout, connection refused); status is then 0. */
  readonly error?: string;
}

/**
 * A connection per request (loopback: a fraction of a millisecond): a kept-alive one could be closed
 * by the server while idle between two slow measures and fail the next request.
 */
const agent = new http.Agent({ keepAlive: false });

/**
 * node:http rather than fetch: fetch gives up on an answer whose headers take more than 300 s
 * (undici's own limit), and a full report of the 1M community takes longer than that today.
 */
export function timedGet(baseUrl: string, path: string, timeoutMs: number, signal?: AbortSignal): Promise<TimedAnswer> {
  const started = performance.now();
  const failed = (error: string): TimedAnswer => ({
    status: 0,
    ms: performance.now() - started,
    bytes: 0,
    text: "",
    error,
  });
  return new Promise((resolve) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const request = http.get(
      new URL(path, baseUrl),
      { agent, signal: AbortSignal.any([timeout, ...(signal ? [signal] : [])]) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            ms: performance.now() - started,
            bytes: body.length,
            text: body.toString("utf8"),
          });
        });
        response.on("error", (error) => resolve(failed(error.message)));
      },
    );
    request.on("error", (error) =>
      resolve(failed(timeout.aborted ? `no answer within ${timeoutMs} ms` : error.message)),
    );
  });
}

/** Why an answer is not a 200, and after how long: "GET …: 503 after 30,012 ms: {problem}". */
export function answerWords(answer: TimedAnswer, what: string): string {
  const after = `after ${Math.round(answer.ms).toLocaleString("en-US")} ms`;
  const why = answer.error ? `${answer.error} (${after})` : `${answer.status} ${after}: ${answer.text.slice(0, 300)}`;
  return what ? `${what}: ${why}` : why;
}

/** The answer's JSON, or an error naming the request and what came back. */
export function okJson<T>(answer: TimedAnswer, what: string): T {
  if (answer.status !== 200) throw new Error(answerWords(answer, what));
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
