import { UnknownIndicatorError } from "@copgraph/analytics";
import Fastify from "fastify";
import { expect, it } from "vitest";
import { installErrorHandler } from "./error-handler.js";

// The analytics name an unknown indicator with a plain error; the API answers it as it always has.
it("answers analytics' UnknownIndicatorError with 400 problem+json unknown_indicator, whoever throws it", async () => {
  const app = Fastify();
  installErrorHandler(app);
  app.get("/throws", async () => {
    throw new UnknownIndicatorError("silo.nothing", ["network.members", "silo.ei"]);
  });
  const response = await app.inject("/throws");
  expect(response.statusCode).toBe(400);
  expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  const { code, detail } = response.json();
  expect([code, detail]).toEqual([
    "unknown_indicator",
    "unknown indicator 'silo.nothing'; known: network.members, silo.ei",
  ]);
  await app.close();
});
