import { isUtf8 } from "node:buffer";
import type { FastifyInstance } from "fastify";
import { HttpProblem } from "./problem.js";

/**
 * JSON bodies must be UTF-8 (RFC 8259). Node would quietly turn broken bytes into U+FFFD and store
 * text nobody sent; refuse them with 400 instead. Otherwise Fastify's own JSON parser, with its
 * __proto__ and constructor.prototype checks.
 */
export function acceptOnlyUtf8Json(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new HttpProblem(400, "invalid_utf8", "the body is not valid UTF-8"), undefined);
      return;
    }
    parseJson(request, bytes.toString("utf8"), done);
  });
}
