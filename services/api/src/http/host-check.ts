import type { FastifyInstance, FastifyRequest } from "fastify";
import { HttpProblem } from "./problem.js";

/**
 * The names a browser uses for this machine. Any other name may be a stranger's domain pointed at
 * 127.0.0.1 (DNS rebinding), whose pages the browser then treats as the server's own.
 */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * For local development, where a caller without a key acts as admin: serve only requests addressed
 * to a local name, and refuse writes sent by another site's page. Reads from another site stay
 * allowed (following a link to the app); the browser does not let that site's page see the answer.
 */
export function serveOnlyLocalPages(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    if (!LOCAL_HOSTS.has(hostName(request.headers.host))) {
      throw new HttpProblem(
        403,
        "host_not_allowed",
        "in local development mode (no API key needed) the server answers only requests to localhost, 127.0.0.1 or [::1]; to serve other names, require keys (COPGRAPH_AUTH=on)",
      );
    }
    if (WRITE_METHODS.has(request.method) && sentByAnotherSite(request)) {
      throw new HttpProblem(
        403,
        "cross_site_write",
        "in local development mode only pages on localhost, 127.0.0.1 or [::1] may write",
      );
    }
  });
}

/** `localhost:3000` → `localhost`, `[::1]:3000` → `[::1]`; lower case; "" when it is no host. */
function hostName(host: string | undefined): string {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(:\d{1,5})?$/i.exec(host ?? "");
  return match?.[1]?.toLowerCase() ?? "";
}

function sentByAnotherSite(request: FastifyRequest): boolean {
  if (request.headers["sec-fetch-site"] === "cross-site") return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  // `null` (sandboxed frames, file: pages) and anything unparsable count as another site.
  return !URL.canParse(origin) || !LOCAL_HOSTS.has(new URL(origin).hostname);
}
