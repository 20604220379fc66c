import type { Server } from "node:http";

/** How long the server waits for a client; 0 waits forever (requestMs only). */
export interface ServerTimeouts {
  /** Receiving a whole request, body included (slow uploads are cut off). */
  readonly requestMs: number;
  /** Receiving the request headers (slowloris). */
  readonly headersMs: number;
  /** An idle keep-alive connection stays open this long. */
  readonly keepAliveMs: number;
}

export function applyServerTimeouts(server: Server, timeouts: ServerTimeouts): void {
  server.requestTimeout = timeouts.requestMs;
  server.headersTimeout = timeouts.headersMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
}
