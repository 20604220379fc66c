import { randomUUID } from "node:crypto";

// Clients of a server that may go away and come back on the same address: each request is
// retried, unchanged (same ids, same Idempotency-Key), until the server answers it.

/** A request a client sends; `expect` is the status that counts as done. */
export interface PlannedRequest {
  readonly kind: string;
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly body?: unknown;
  readonly expect: number;
  /** The id of the record a write creates, to find it in the log afterwards. */
  readonly recordId?: string;
  readonly communityId: string;
}

/** One attempt that got no usable answer. */
export interface FailedAttempt {
  readonly at: number;
  readonly kind: string;
  /** "network" (refused, reset) or the HTTP status. */
  readonly failure: string;
  readonly detail: string;
}

export interface AcknowledgedWrite {
  readonly kind: string;
  readonly communityId: string;
  readonly recordId: string;
  readonly idempotencyKey: string;
  readonly attempts: number;
}

export interface LoadTally {
  readonly completed: Map<string, number>;
  readonly acknowledged: AcknowledgedWrite[];
  readonly failures: FailedAttempt[];
  /** Requests that needed more than one attempt. */
  retried: number;
}

export const newTally = (): LoadTally => ({ completed: new Map(), acknowledged: [], failures: [], retried: 0 });

const RETRY_PAUSE_MS = 100;

/**
 * Sends `request` to whatever server `baseUrl()` names now, until it answers with the expected
 * status. Writes carry an Idempotency-Key, the same on every attempt. Returns false if `stopped()`
 * before it was answered.
 */
export async function sendUntilAnswered(
  baseUrl: () => string,
  request: PlannedRequest,
  tally: LoadTally,
  stopped: () => boolean,
): Promise<boolean> {
  const idempotencyKey = randomUUID();
  const headers: Record<string, string> =
    request.method === "POST" ? { "content-type": "application/json", "idempotency-key": idempotencyKey } : {};
  for (let attempt = 1; ; attempt++) {
    let failure: string;
    let detail: string;
    try {
      const response = await fetch(`${baseUrl()}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      if (response.status === request.expect) {
        if (attempt > 1) tally.retried++;
        tally.completed.set(request.kind, (tally.completed.get(request.kind) ?? 0) + 1);
        if (request.method === "POST" && request.recordId !== undefined) {
          tally.acknowledged.push({
            kind: request.kind,
            communityId: request.communityId,
            recordId: request.recordId,
            idempotencyKey,
            attempts: attempt,
          });
        }
        return true;
      }
      failure = String(response.status);
      detail = text.slice(0, 300);
    } catch (error) {
      failure = "network";
      detail = String((error as Error).cause ?? error);
    }
    tally.failures.push({ at: Date.now(), kind: request.kind, failure, detail });
    if (stopped()) return false;
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  }
}
