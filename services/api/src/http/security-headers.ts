import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet from "helmet";

/**
 * Helmet's security headers, with a Content-Security-Policy that the web app and Swagger UI run
 * under: scripts only from this origin, the graph layout's worker from a blob: URL, inline style
 * attributes (swatches, Swagger UI), data: images (icons, exported PNGs). No
 * upgrade-insecure-requests: inside an organisation the app is often served over plain http.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", "data:"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      imgSrc: ["'self'", "data:", "blob:"],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'", "blob:"],
    },
  },
});

/**
 * Helmet's headers, taken once: they depend on nothing in the request, so running its middlewares
 * (a dozen header checks and writes on the raw response) for every request would only repeat them.
 */
function capturedHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  securityHeaders({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished) throw new Error("helmet did not set its headers at once");
  return Object.freeze(headers);
}

/** Sends the headers with every response, through Fastify's own header table. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = capturedHeaders();
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
