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
