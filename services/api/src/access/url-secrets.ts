import type { FastifyRequest, FastifyServerOptions } from "fastify";

/** Query parameters whose value is a secret: the key of a research export's pseudonyms. */
const SECRET_PARAMETERS = new Set(["key"]);

/**
 * The URL as it may be stored (audit log, request log): every secret parameter's value replaced
 * by `REDACTED`. Names are compared decoded, as the query parser reads them (`%6Bey` is `key`).
 */
export function redactUrlSecrets(url: string): string {
  const start = url.indexOf("?");
  if (start < 0) return url;
  const parameters = url
    .slice(start + 1)
    .split("&")
    .map((parameter) => {
      const equals = parameter.indexOf("=");
      if (equals < 0) return parameter;
      const name = parameter.slice(0, equals);
      return SECRET_PARAMETERS.has(decodedName(name)) ? `${name}=REDACTED` : parameter;
    });
  return `${url.slice(0, start)}?${parameters.join("&")}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll("+", " "));
  } catch {
    return name;
  }
}

type LoggerOptions = FastifyServerOptions["logger"];

/** The app's logger options, with request URLs logged redacted. */
export function loggerWithoutUrlSecrets(logger: LoggerOptions): LoggerOptions {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: loggedRequest } };
}

/** What Fastify logs of a request by default, with the URL redacted. */
function loggedRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrlSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
