import { HttpProblem } from "./problem.js";

/** A request that waited its deadline on someone else's work: 503, with when to try again. */
export class RetryLater extends HttpProblem {
  constructor(
    code: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(503, code, detail);
  }
}

/**
 * Waits at most `ms` for `wait`. Past the deadline, the wait's signal aborts (so it lets go of
 * anything it registered) and `late()` is thrown: no request waits without end.
 */
export async function withDeadline<T>(
  ms: number,
  late: () => Error,
  wait: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(late());
    }, ms);
  });
  try {
    return await Promise.race([wait(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
