import type { FastifyInstance } from "fastify";

/**
 * Closes the app: it stops accepting connections and answers what is in flight. A client that
 * keeps a request open past `graceMs` (a stalled upload, a stream) loses its connection, so a
 * shutdown always ends; the requests already being handled still run to their end.
 */
export async function closeGracefully(app: FastifyInstance, graceMs: number): Promise<void> {
  const closed = app.close();
  // A request in flight when the shutdown began is answered on a keep-alive connection, which
  // then idles until the client hangs up: close such connections as soon as they go idle.
  const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), graceMs);
  });
  try {
    if ((await Promise.race([closed, graceOver])) === "late") {
      app.log.warn(`requests still open ${graceMs} ms after shutdown began; closing their connections`);
      app.server.closeAllConnections();
    }
    await closed;
  } finally {
    clearInterval(reaper);
    clearTimeout(timer);
  }
}
